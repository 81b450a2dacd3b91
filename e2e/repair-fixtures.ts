import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createModelWithUnits, expect, giveUnit, query } from "./fixtures";

/**
 * Repair data for one test (conventions: Tests): a product of a demo category (the demo seed gives
 * each category its symptoms) and, where the staff desk's steps are not under test, a ticket put
 * in the wanted state directly in the database.
 */
export const REPAIR_CATEGORY = "air-conditioner";

/** A unit of a fresh model in the air-conditioner category, owned by `userId`; in or out of warranty. */
export async function ownRepairableProduct(userId: string, options: { expired?: boolean } = {}) {
  const { modelId, serials, unitIds, code } = await createModelWithUnits(1, {
    manufacturedOn: options.expired ? "2019-01-10" : "2026-06-10",
  });
  await query(`UPDATE "ProductModel" SET category = $2 WHERE id = $1`, [modelId, REPAIR_CATEGORY]);
  const ownershipId = await giveUnit(userId, unitIds[0]!, options.expired ? "2019-02-01" : "2026-07-01");
  return { ownershipId, unitId: unitIds[0]!, serial: serials[0]!, code };
}

const SNAPSHOT = {
  startsOn: "2026-06-10",
  coveredUntil: "2027-06-09",
  totalMonths: 12,
  status: "COVERED",
  daysLeft: 180,
  parts: [{ kind: "standard", months: 12, from: "manufacture", startsOn: "2026-06-10", graceMonths: 0, noProof: false }],
  droppedExtensions: [],
  transferredOn: null,
};

/**
 * A ticket as the request form would have made it (number in a year the counter never reaches, so
 * it cannot collide with real numbers), with its "created" event.
 */
export async function insertTicket(
  customerId: string,
  product: { ownershipId: string; unitId: string },
  options: { coverage?: "WARRANTY" | "PAID" } = {},
): Promise<{ id: string; number: string }> {
  const [symptom] = await query<{ id: string }>(
    `SELECT id FROM "SymptomCategory" WHERE "productCategory" = $1 ORDER BY "sortOrder" LIMIT 1`,
    [REPAIR_CATEGORY],
  );
  const id = randomUUID();
  const number = `R-2099-${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  await query(
    `INSERT INTO "RepairTicket" (id, number, "customerId", "ownershipId", "unitId", "symptomCategoryId", description, delivery, "contactPreference",
       coverage, "warrantySnapshot", "idempotencyKey", "firstResponseDueAt", "resolutionDueAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, '電源が入らず、ランプも点きません。', 'SEND_IN', 'EMAIL', $7::"RepairCoverage", $8::jsonb, $9,
       now() + interval '1 day', now() + interval '10 days', now())`,
    [
      id,
      number,
      customerId,
      product.ownershipId,
      product.unitId,
      symptom!.id,
      options.coverage ?? "WARRANTY",
      JSON.stringify(SNAPSHOT),
      randomUUID(),
    ],
  );
  await query(
    `INSERT INTO "RepairEvent" (id, "ticketId", "actorId", kind, "toStatus", at) VALUES ($1, $2, $3, 'created', 'RECEIVED', now() - interval '1 hour')`,
    [randomUUID(), id, customerId],
  );
  return { id, number };
}

/** Staff's step, as the desk would write it: the status and a customer-visible event. */
export async function moveTicket(
  ticketId: string,
  step: { from: string; to: string; kind?: string; message?: string; actorId?: string; extra?: string },
): Promise<void> {
  await query(`UPDATE "RepairTicket" SET status = $2::"RepairStatus" ${step.extra ?? ""} WHERE id = $1`, [ticketId, step.to]);
  await query(
    `INSERT INTO "RepairEvent" (id, "ticketId", "actorId", kind, "fromStatus", "toStatus", message) VALUES ($1, $2, $3, $4, $5::"RepairStatus", $6::"RepairStatus", $7)`,
    [randomUUID(), ticketId, step.actorId ?? null, step.kind ?? "status", step.from, step.to, step.message ?? null],
  );
}

/** A repair photo uploaded through the real upload route with the page's cookie. */
export async function uploadRepairPhotoAs(page: Page, image: Buffer): Promise<string> {
  const response = await page.request.post(`/api/files?purpose=repair_photo`, {
    data: image,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A paid repair waiting for the customer's decision on an estimate (two lines, tax, a note). */
export async function insertTicketWithEstimate(
  customerId: string,
  staffId: string,
): Promise<{ id: string; number: string; ownershipId: string }> {
  const product = await ownRepairableProduct(customerId, { expired: true });
  const ticket = await insertTicket(customerId, product, { coverage: "PAID" });
  await moveTicket(ticket.id, { from: "RECEIVED", to: "DIAGNOSING", actorId: staffId });
  await moveTicket(ticket.id, { from: "DIAGNOSING", to: "ESTIMATE_SENT", kind: "estimate_sent", actorId: staffId });
  const lines = [
    { description: "基板交換(メイン制御基板)", quantity: 1, unitPriceYen: 12000 },
    { description: "出張・点検費", quantity: 1, unitPriceYen: 3500 },
  ];
  await query(
    `INSERT INTO "RepairEstimate" (id, "ticketId", lines, "subtotalYen", "taxRate", "taxYen", "totalYen", note, "sentById")
     VALUES (gen_random_uuid()::text, $1, $2::jsonb, 15500, 10, 1550, 17050, '基板の交換と動作確認', $3)`,
    [ticket.id, JSON.stringify(lines), staffId],
  );
  return { ...ticket, ownershipId: product.ownershipId };
}
