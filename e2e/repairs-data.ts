import { randomUUID } from "node:crypto";
import { createModelWithUnits, createUser, giveUnit, query, type TestUser } from "./fixtures";

/**
 * A repair ticket of a fresh customer, written straight to the database as the customer's request
 * would leave it (status RECEIVED, a "created" event, SLA due dates ahead). PAID tickets are for an
 * old unit out of warranty; WARRANTY ones for a new unit. The number comes from the same counter
 * the app uses, so it never clashes with tickets the app makes.
 */
export async function createRepairTicket(
  options: { coverage?: "WARRANTY" | "PAID" } = {},
): Promise<{ ticketId: string; number: string; customer: TestUser; serial: string }> {
  const paid = options.coverage === "PAID";
  const { unitIds, serials } = await createModelWithUnits(1, { manufacturedOn: paid ? "2019-01-10" : "2026-06-10" });
  const customer = await createUser("CUSTOMER");
  const ownershipId = await giveUnit(customer.id, unitIds[0]!, paid ? "2019-02-01" : "2026-07-01");
  const symptomId = randomUUID();
  await query(
    `INSERT INTO "SymptomCategory" (id, "productCategory", code, "nameJa", "nameEn") VALUES ($1, 'test', $2, '電源が入らない', 'Does not turn on')`,
    [symptomId, `e2e-${symptomId}`],
  );
  const [counter] = await query<{ last: number }>(
    `INSERT INTO "RepairNumberCounter" (year, last) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last = "RepairNumberCounter".last + 1 RETURNING last`,
  );
  const number = `R-2026-${String(counter!.last).padStart(6, "0")}`;
  const ticketId = randomUUID();
  await query(
    `INSERT INTO "RepairTicket" (id, number, "customerId", "ownershipId", "unitId", "symptomCategoryId", description, delivery, "contactPreference",
       coverage, "warrantySnapshot", "idempotencyKey", "firstResponseDueAt", "resolutionDueAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'SEND_IN', 'EMAIL', $8::"RepairCoverage", '{}', $9, now() + interval '2 days', now() + interval '10 days', now())`,
    [
      ticketId,
      number,
      customer.id,
      ownershipId,
      unitIds[0]!,
      symptomId,
      "電源ボタンを押しても反応しません。",
      paid ? "PAID" : "WARRANTY",
      randomUUID(),
    ],
  );
  await query(`INSERT INTO "RepairEvent" (id, "ticketId", "actorId", kind, "toStatus") VALUES ($1, $2, $3, 'created', 'RECEIVED')`, [
    randomUUID(),
    ticketId,
    customer.id,
  ]);
  return { ticketId, number, customer, serial: serials[0]! };
}
