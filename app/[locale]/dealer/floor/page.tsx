import type { Metadata } from "next";
import { FloorPage, floorMetadata } from "@/components/floor-page";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return floorMetadata();
}

/** The dealer area's framework floor for the load harness (components/floor-page.tsx). */
export default async function DealerFloor({ params }: PageProps<"/[locale]/dealer/floor">) {
  await enterLocale(params);
  await requireDealerPage("/dealer/floor");
  return <FloorPage />;
}
