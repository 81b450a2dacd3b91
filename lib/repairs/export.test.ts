import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const catalogs = { ja: (await import("@/lib/i18n/messages/ja.json")).default, en: (await import("@/lib/i18n/messages/en.json")).default };
  return {
    getTranslations: async ({ locale, namespace }: { locale: "ja" | "en"; namespace: string }) =>
      createTranslator({ locale, messages: catalogs[locale], namespace: namespace as never }),
  };
});

const { db } = await import("@/lib/db");
const { testStaff } = await import("@/scripts/test/product-factories");
const { customerWithProduct } = await import("@/scripts/test/repair-factories");
const { streamQueueCsv } = await import("./export");
const { parseQueueFilter, QUEUE_PAGE_SIZE } = await import("./queue");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": "198.51.100.20" } }));

/** `count` tickets of one fresh model, made directly (the export reads them like any other). */
async function tickets(count: number, description: string) {
  const { model, unit, ownership, symptom, customer: owner } = await customerWithProduct();
  const customer = await db.user.update({ where: { id: owner.id }, data: { name: "@SUM(A1)" } });
  const due = new Date(Date.now() + 30 * 86_400_000);
  // Numbers of this call alone (a random prefix per ticket collided between calls now and then).
  const batch = randomUUID().slice(0, 8);
  await db.repairTicket.createMany({
    data: Array.from({ length: count }, (_, n) => ({
      number: `R-${batch}-${String(n).padStart(6, "0")}`,
      customerId: customer.id,
      ownershipId: ownership.id,
      unitId: unit.id,
      symptomCategoryId: symptom.id,
      description,
      delivery: "SEND_IN" as const,
      contactPreference: "EMAIL" as const,
      coverage: "WARRANTY" as const,
      warrantySnapshot: {},
      idempotencyKey: randomUUID(),
      firstResponseDueAt: due,
      resolutionDueAt: due,
      createdAt: new Date(Date.now() - n * 1000),
    })),
  });
  return { model, customer };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

describe("the queue's CSV export", () => {
  it("streams every page of the filter, one page per read, formula-safe, and audits each page before sending it", async () => {
    const count = QUEUE_PAGE_SIZE * 2 + 3;
    const { model, customer } = await tickets(count, "-2+3 is a formula");
    const agent = await testStaff("SUPPORT_AGENT");
    const stream = await streamQueueCsv(parseQueueFilter({ model: model.id }), agent, "en", { ipAddress: "203.0.113.9" });
    const { text, chunks } = await readAll(stream);
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^"Ticket","Status","Priority","Model","Serial number","Customer"/);
    expect(lines).toHaveLength(count + 1);
    // Header, then three pages of at most QUEUE_PAGE_SIZE rows each: never the whole queue at once.
    expect(chunks).toBe(4);
    expect(text).toContain(`"'@SUM(A1)"`);
    expect(text).toContain(`"'-2+3 is a formula"`);
    const audits = await db.auditEvent.findMany({ where: { actorId: agent.id, action: "personal_data.viewed" } });
    const page = (audit: (typeof audits)[number]) => (audit.details as { page: number }).page;
    expect(audits.toSorted((a, b) => page(a) - page(b)).map((audit) => audit.details)).toEqual([
      expect.objectContaining({ export: "csv", page: 1, rows: QUEUE_PAGE_SIZE, complete: false }),
      expect.objectContaining({ export: "csv", page: 2, rows: QUEUE_PAGE_SIZE, complete: false }),
      expect.objectContaining({ export: "csv", page: 3, rows: 3, complete: true }),
    ]);
    expect(audits.every((audit) => audit.subjectIds.join() === customer.id && audit.ipAddress === "203.0.113.9")).toBe(true);
  });

  it("has the pages sent before a download was cancelled on record", async () => {
    const { model } = await tickets(QUEUE_PAGE_SIZE + 1, "ok");
    const agent = await testStaff("SUPPORT_AGENT");
    const reader = (await streamQueueCsv(parseQueueFilter({ model: model.id }), agent, "ja", {})).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"受付番号"');
    await reader.read();
    await reader.cancel();
    const audits = await db.auditEvent.findMany({ where: { actorId: agent.id, action: "personal_data.viewed" } });
    expect(audits.map((audit) => audit.details)).toEqual([expect.objectContaining({ page: 1, rows: QUEUE_PAGE_SIZE, complete: false })]);
  });
});
