import { randomBytes, randomUUID } from "node:crypto";
import { createModelWithUnits, createUser, giveUnit, query, type TestUser } from "./fixtures";

/**
 * Repair tickets made directly in the database for the desk's specs: one customer, one unit and
 * `count` tickets from one INSERT … SELECT generate_series (the queue reads them like any other).
 * Ticket numbers use a random year far ahead so that they never meet the real counter's numbers.
 */
export type QueueTickets = { customer: TestUser; serial: string; modelCode: string; ids: string[]; numbers: string[] };

export async function createTickets(
  count: number,
  options: { name?: string; description?: string; assigneeId?: string; breached?: boolean } = {},
): Promise<QueueTickets> {
  const customer = await createUser("CUSTOMER", { name: options.name });
  const { code, serials, unitIds } = await createModelWithUnits(1);
  const ownershipId = await giveUnit(customer.id, unitIds[0]!);
  const symptomId = randomUUID();
  await query(
    `INSERT INTO "SymptomCategory" (id, "productCategory", code, "nameJa", "nameEn") VALUES ($1, 'test', $2, '動かない', 'Does not work')`,
    [symptomId, `e2e_${randomBytes(5).toString("hex")}`],
  );
  const year = 2100 + Math.floor(Math.random() * 7900);
  const start = Math.floor(Math.random() * 900_000);
  // Ids without hyphens, like Prisma's cuids (the queue's cursors accept letters and digits only).
  const rows = await query<{ id: string; number: string }>(
    `INSERT INTO "RepairTicket" (id, number, "customerId", "ownershipId", "unitId", "symptomCategoryId", description, delivery,
        "contactPreference", coverage, "warrantySnapshot", "idempotencyKey", "assigneeId", "firstResponseDueAt", "resolutionDueAt",
        "createdAt", "updatedAt")
     SELECT replace(gen_random_uuid()::text, '-', ''), 'R-' || $1::int || '-' || lpad(($2::int + n)::text, 6, '0'), $3, $4, $5, $6, $7,
        'SEND_IN', 'EMAIL', 'WARRANTY', '{}'::jsonb, gen_random_uuid()::text, $8,
        CASE WHEN $9::boolean THEN now() - interval '2 hours' ELSE now() + interval '30 days' END,
        CASE WHEN $9::boolean THEN now() - interval '1 hour' ELSE now() + interval '60 days' END,
        now() - n * interval '1 second', now()
     FROM generate_series(1, $10::int) AS n
     RETURNING id, number`,
    [
      year,
      start,
      customer.id,
      ownershipId,
      unitIds[0],
      symptomId,
      options.description ?? "電源が入りません。",
      options.assigneeId ?? null,
      options.breached ?? false,
      count,
    ],
  );
  return { customer, serial: serials[0]!, modelCode: code, ids: rows.map((row) => row.id), numbers: rows.map((row) => row.number) };
}
