import { randomUUID } from "node:crypto";
import { createModelWithUnits, createUser, giveUnit, query, type TestUser } from "./fixtures";
import { createRepairTicket } from "./repair-data";

/**
 * Dealer data for one test (conventions: Tests): a dealer's sales as its import would leave them,
 * a customer of a sale, a drop-off at the shop and a published recall covering the sold units.
 * Written straight to the database for tests whose subject is not those flows.
 */
export async function importSalesRows(
  dealerId: string,
  importedById: string,
  rows: { unitId: string; soldOn?: string; email?: string | null }[],
) {
  const importId = randomUUID();
  await query(
    `INSERT INTO "DealerSaleImport" (id, "dealerId", "importedById", "fileName", "rowCount", "idempotencyKey") VALUES ($1, $2, $3, 'e2e.csv', $4, $1)`,
    [importId, dealerId, importedById, rows.length],
  );
  for (const row of rows) {
    await query(
      `INSERT INTO "DealerSale" (id, "dealerId", "unitId", "soldOn", "customerEmail", "importId") VALUES (gen_random_uuid()::text, $1, $2, $3::date, $4, $5)`,
      [dealerId, row.unitId, row.soldOn ?? "2026-11-01", row.email ?? null, importId],
    );
  }
}

/** A published recall of `modelId` with a notice to each owner (unit, user). */
export async function publishRecallFor(
  modelId: string,
  owners: { unitId: string; userId: string }[],
): Promise<{ id: string; code: string; noticeIds: string[] }> {
  const admin = await createUser("ADMIN");
  const id = randomUUID();
  const code = `RC-${id.slice(0, 8)}`;
  await query(
    `INSERT INTO "RecallCampaign" (id, code, "modelId", "titleJa", "titleEn", "messageJa", "messageEn", lots, status, "createdById", "publishedAt")
     VALUES ($1, $2, $3, '電源コードの点検', 'Power cord inspection', '無償で点検します。', 'We inspect it free of charge.', '{}', 'PUBLISHED', $4, now())`,
    [id, code, modelId, admin.id],
  );
  const noticeIds: string[] = [];
  for (const owner of owners) {
    const [row] = await query<{ id: string }>(
      `INSERT INTO "RecallNotice" (id, "campaignId", "unitId", "userId") VALUES (gen_random_uuid()::text, $1, $2, $3) RETURNING id`,
      [id, owner.unitId, owner.userId],
    );
    noticeIds.push(row!.id);
  }
  return { id, code, noticeIds };
}

/** A drop-off at `dealerId`: a fresh customer's in-warranty repair request, handed to the shop. */
export async function createDropOff(dealerId: string, options: { customer?: TestUser } = {}) {
  const ticket = await createRepairTicket(options.customer ? { customer: options.customer } : {});
  await query(`UPDATE "RepairTicket" SET delivery = 'DEALER_DROP_OFF', "dealerId" = $2 WHERE id = $1`, [ticket.id, dealerId]);
  return ticket;
}

/** Everything a dealer's pages show, for layout and axe checks: a customer, a sale, a drop-off and a recall. */
export async function dealerWorld(dealer: TestUser) {
  const dealerId = dealer.dealerId!;
  const customer = await createUser("CUSTOMER");
  const { modelId, unitIds } = await createModelWithUnits(2);
  await importSalesRows(dealerId, dealer.id, [{ unitId: unitIds[0]!, email: customer.email }, { unitId: unitIds[1]! }]);
  await giveUnit(customer.id, unitIds[0]!);
  const recall = await publishRecallFor(modelId, [{ unitId: unitIds[0]!, userId: customer.id }]);
  const dropOff = await createDropOff(dealerId);
  return {
    customer,
    recall,
    dropOff,
    paths: [`/dealer/customers/${customer.id}`, `/dealer/repairs/${dropOff.id}`, `/dealer/recalls/${recall.id}`],
  };
}
