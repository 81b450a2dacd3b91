import type { Metadata } from "next";
import { FloorPage, floorMetadata } from "@/components/floor-page";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return floorMetadata();
}

/** My Page's framework floor for the load harness (components/floor-page.tsx). */
export default async function MyPageFloor({ params }: PageProps<"/[locale]/mypage/floor">) {
  await enterLocale(params);
  await requireArea("mypage");
  return <FloorPage />;
}
