import type { Metadata } from "next";
import { FloorPage, floorMetadata } from "@/components/floor-page";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return floorMetadata();
}

/** The staff area's framework floor for the load harness (components/floor-page.tsx). */
export default async function StaffFloor({ params }: PageProps<"/[locale]/admin/floor">) {
  await enterLocale(params);
  await requireStaffPage("/admin/floor");
  return <FloorPage />;
}
