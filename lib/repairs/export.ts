import "server-only";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/permissions";
import { csvRow } from "@/lib/csv/write";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import type { RequestMeta } from "@/lib/request-context";
import { businessTimeZone } from "@/lib/time/business-time";
import { loadQueuePage, queueFilterParams, type QueueFilter, type SearchNotice } from "./queue";

/**
 * The filtered queue as CSV, streamed: each read of the stream fetches the next keyset page of the
 * same filter (50 rows), so an export of the whole desk never holds it in memory. Cells go through
 * lib/csv/write (formula-safe, CWE-1236). Internal notes are never selected (issue 10: never in exports).
 * Every page is audited before it is sent (one entry per 50 rows, naming their customers).
 */
export async function streamQueueCsv(
  filter: QueueFilter,
  viewer: Actor,
  locale: Locale,
  meta: RequestMeta,
): Promise<ReadableStream<Uint8Array>> {
  const t = await getTranslations({ locale, namespace: "repairs.queue" });
  const label = await getTranslations({ locale, namespace: "repairs.staffLabels" });
  const encoder = new TextEncoder();
  const timeZone = businessTimeZone();
  // "2026-12-02 09:30" in the business time zone: sortable, and what the desk sees on screen.
  const wallClock = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" });
  const when = (date: Date | null) => (date ? wallClock.format(date) : "");
  const header = [
    "number",
    "status",
    "priority",
    "model",
    "serial",
    "customer",
    "customerEmail",
    "assignee",
    "coverage",
    "symptom",
    "description",
    "firstResponseState",
    "firstResponseDue",
    "resolutionState",
    "resolutionDue",
    "created",
    "closed",
  ] as const;

  let cursor: string | undefined;
  let started = false;
  let pages = 0;
  // A search cut at SEARCH_PEOPLE_LIMIT customers exports only theirs: the audit says so, as the page does.
  let searchNotice: SearchNotice = null;
  // One instant for the whole file: a filter on the SLA state ("breaching") selects the same set on every page.
  const now = new Date();
  // Each page is audited before its rows are sent, naming its customers, so a download cut short is on record as far as it went.
  const audit = async (rows: number, subjects: string[], complete: boolean) =>
    recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: viewer.id,
      targetType: "RepairQueue",
      subjectIds: [...new Set(subjects)],
      details: { export: "csv", page: pages, rows, complete, filter: queueFilterParams(filter), ...(searchNotice ? { searchNotice } : {}) },
      meta,
    });

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // Byte-order mark: Excel then opens the Japanese text as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(header.map((key) => t(`csv.${key}`)))}\r\n`));
          return;
        }
        const page = await loadQueuePage({ ...filter, before: undefined, after: cursor }, viewer.id, now);
        searchNotice = page.searchNotice;
        const extras = new Map(
          (
            await db.repairTicket.findMany({
              where: { id: { in: page.rows.map((row) => row.id) } },
              select: {
                id: true,
                description: true,
                customer: { select: { email: true } },
                symptomCategory: { select: { nameJa: true, nameEn: true } },
              },
            })
          ).map((extra) => [extra.id, extra]),
        );
        const lines = page.rows.map((row) => {
          const extra = extras.get(row.id);
          return csvRow([
            row.number,
            label(`status.${row.status}`),
            label(`priority.${row.priority}`),
            row.unit.model.code,
            row.unit.serial,
            row.customer.name,
            extra?.customer.email,
            row.assignee ? (row.assignee.name ?? row.assignee.email) : "",
            label(`coverage.${row.coverage}`),
            extra ? (locale === "ja" ? extra.symptomCategory.nameJa : extra.symptomCategory.nameEn) : "",
            extra?.description,
            label(`clock.${row.clocks.firstResponse.state}`),
            when(row.clocks.firstResponse.dueAt),
            label(`clock.${row.clocks.resolution.state}`),
            when(row.clocks.resolution.dueAt),
            when(row.createdAt),
            when(row.closedAt),
          ]);
        });
        pages++;
        if (lines.length > 0)
          await audit(
            lines.length,
            page.rows.map((row) => row.customer.id),
            page.next === null,
          );
        if (lines.length > 0) controller.enqueue(encoder.encode(lines.map((line) => `${line}\r\n`).join("")));
        if (page.next) cursor = page.next;
        else controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
