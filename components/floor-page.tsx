import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { env } from "@/lib/env";

/**
 * The load harness's framework floor (`npm run bench`, issue 17): the area's layout (session,
 * navigation, counts) around a page that reads nothing itself, so each page's own cost shows as
 * its distance from this one. Answers only with BENCH_FLOOR_PAGES=on (the harness and the e2e
 * suite); elsewhere it does not exist.
 */
export async function FloorPage() {
  if (env.BENCH_FLOOR_PAGES !== "on") notFound();
  const t = await getTranslations("floor");
  return <PageTitle lead={t("lead")}>{t("title")}</PageTitle>;
}

export async function floorMetadata() {
  return { title: (await getTranslations("floor"))("title") };
}
