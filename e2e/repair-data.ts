import type { Browser } from "@playwright/test";
import type { RepairOutcome, RepairStatus } from "../lib/generated/prisma/enums";
import { decideCoverage, estimateTotals } from "../lib/repairs/coverage";
import { computeWarranty } from "../lib/warranty/compute";
import { createModelWithUnits, createUser, giveUnit, newContextAs, query, uploadPhotoAs, type TestUser } from "./fixtures";
import { receiptPhoto } from "./images";

/**
 * Repair data for one test (conventions: Tests): every call makes its own customer, unit and
 * tickets. Tickets are written straight to the database as the customer's request and the desk's
 * steps would leave them, for tests whose subject is not those forms; the specs that are about
 * them go through the real pages.
 */

/** A kind of product the demo seed gives symptoms to, so the request form offers them. */
export const REPAIR_CATEGORY = "air-conditioner";

/** The words of the customer's request form (and a demo-seed symptom to pick), for the specs that fill it in. */
export const REQUEST_FORM = {
  ja: {
    request: "修理を依頼",
    symptom: "症状",
    symptomOption: "冷えない・暖まらない",
    description: "症状の詳しい内容",
    photos: "写真を選ぶ",
    photoDone: (n: number) => `写真 ${n}:アップロードしました`,
    sendIn: "サービスセンターに送る",
    submit: "修理を依頼する",
  },
  en: {
    request: "Request a repair",
    symptom: "What is wrong",
    symptomOption: "Does not cool or heat",
    description: "Describe the problem",
    photos: "Choose photos",
    photoDone: (n: number) => `Photo ${n}: uploaded`,
    sendIn: "I send it to the service centre",
    submit: "Send the request",
  },
} as const;

/** A unit the customer owns, with the dates its warranty is worked out from. */
export type RepairableProduct = {
  ownershipId: string;
  unitId: string;
  serial: string;
  code: string;
  manufacturedOn: string;
  purchasedOn: string;
};

/** The calendar date `days` days before today. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A unit of a fresh air-conditioner model owned by `userId`: new and in warranty, or years old and out of it. */
export async function ownRepairableProduct(userId: string, options: { expired?: boolean } = {}): Promise<RepairableProduct> {
  // New units are dated from today (made two months ago, bought one month ago), so they stay in warranty whenever the tests run.
  const manufacturedOn = options.expired ? "2019-01-10" : daysAgo(60);
  const purchasedOn = options.expired ? "2019-02-01" : daysAgo(30);
  const { modelId, serials, unitIds, code } = await createModelWithUnits(1, { manufacturedOn });
  await query(`UPDATE "ProductModel" SET category = $2 WHERE id = $1`, [modelId, REPAIR_CATEGORY]);
  const ownershipId = await giveUnit(userId, unitIds[0]!, purchasedOn);
  return { ownershipId, unitId: unitIds[0]!, serial: serials[0]!, code, manufacturedOn, purchasedOn };
}

/** A move after the request, by the desk or the customer, from where the step before left the ticket (RECEIVED at first). */
export type TicketStep = {
  to: RepairStatus;
  /** The timeline entry's kind; by default the one the app writes for a move to `to`. */
  kind?: string;
  message?: string;
  actorId?: string;
  /** Waiting for the customer: the state their answer returns the ticket to (default: the state it left). */
  resumeStatus?: RepairStatus;
  outcome?: RepairOutcome;
};

export type EstimateLine = { description: string; quantity: number; unitPriceYen: number };

export type RepairTicketOptions = {
  /** Default: a fresh customer. */
  customer?: TestUser;
  /** Default: a fresh unit of the customer's, out of warranty when `coverage` is PAID. */
  product?: RepairableProduct;
  /** Default: what the app decides from the product's warranty. */
  coverage?: "WARRANTY" | "PAID";
  description?: string;
  assigneeId?: string;
  /** Both SLA clocks ran out an hour or two ago (otherwise they end weeks ahead, so nothing warns during a test). */
  breached?: boolean;
  steps?: TicketStep[];
  /** After `steps`, staff diagnose the ticket and send this estimate (10 % tax), which waits for the customer. */
  estimate?: { sentById: string; lines: EstimateLine[]; note?: string };
};

export type RepairTickets = { customer: TestUser; product: RepairableProduct; ids: string[]; numbers: string[] };

/** The timeline entries the desk and the customer's pages write for a move (lib/repairs/desk.ts, customer-steps.ts). */
const KIND_OF_MOVE: Partial<Record<RepairStatus, string>> = {
  WAITING_FOR_CUSTOMER: "info_requested",
  ESTIMATE_SENT: "estimate_sent",
  CANCELLED: "cancelled",
};
/** As lib/repairs/workflow.ts: the customer's turn pauses the resolution clock, and these states close the ticket. */
const CUSTOMERS_TURN: readonly RepairStatus[] = ["WAITING_FOR_CUSTOMER", "ESTIMATE_SENT"];
const CLOSED: readonly RepairStatus[] = ["COMPLETED", "CANCELLED"];

/**
 * `count` tickets of one customer on one unit, each with its "created" event, then `steps` and
 * `estimate` applied to each. Newest first, as the queue lists them by default: ticket n was
 * created n seconds ago. Numbers come from the app's own counter, so they never meet the numbers
 * of tickets the app makes; ids have no hyphens, like Prisma's cuids (the queue's cursors accept
 * letters and digits only).
 */
export async function createRepairTickets(count: number, options: RepairTicketOptions = {}): Promise<RepairTickets> {
  const customer = options.customer ?? (await createUser("CUSTOMER"));
  const product = options.product ?? (await ownRepairableProduct(customer.id, { expired: options.coverage === "PAID" }));
  const warranty = warrantyOf(product);
  const [symptom] = await query<{ id: string }>(
    `SELECT id FROM "SymptomCategory" WHERE "productCategory" = $1 AND "archivedAt" IS NULL ORDER BY "sortOrder" LIMIT 1`,
    [REPAIR_CATEGORY],
  );
  const rows = await query<{ id: string; number: string; createdAt: Date }>(
    `WITH counter AS (
       INSERT INTO "RepairNumberCounter" (year, last)
       VALUES (extract(year FROM now() AT TIME ZONE 'Asia/Tokyo')::int, $1::int)
       ON CONFLICT (year) DO UPDATE SET last = "RepairNumberCounter".last + $1::int
       RETURNING year, last
     )
     INSERT INTO "RepairTicket" (id, number, "customerId", "ownershipId", "unitId", "symptomCategoryId", description, delivery,
        "contactPreference", coverage, "warrantySnapshot", "idempotencyKey", "assigneeId", "firstResponseDueAt", "resolutionDueAt",
        "createdAt", "updatedAt")
     SELECT replace(gen_random_uuid()::text, '-', ''), 'R-' || counter.year || '-' || lpad((counter.last + 1 - n)::text, 6, '0'),
        $2, $3, $4, $5, $6, 'SEND_IN', 'EMAIL', $7::"RepairCoverage", $8::jsonb, gen_random_uuid()::text, $9,
        CASE WHEN $10::boolean THEN now() - interval '2 hours' ELSE now() + interval '30 days' END,
        CASE WHEN $10::boolean THEN now() - interval '1 hour' ELSE now() + interval '60 days' END,
        now() - n * interval '1 second', now()
     FROM counter, generate_series(1, $1::int) AS n
     RETURNING id, number, "createdAt"`,
    [
      count,
      customer.id,
      product.ownershipId,
      product.unitId,
      symptom!.id,
      options.description ?? "電源が入らず、ランプも点きません。",
      options.coverage ?? decideCoverage(warranty.status, false),
      JSON.stringify(warranty),
      options.assigneeId ?? null,
      options.breached ?? false,
    ],
  );
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const ids = rows.map((row) => row.id);
  await query(
    `INSERT INTO "RepairEvent" (id, "ticketId", "actorId", kind, "toStatus", at)
     SELECT gen_random_uuid()::text, t.id, $2, 'created', 'RECEIVED', t."createdAt" FROM "RepairTicket" t WHERE t.id = ANY($1)`,
    [ids, customer.id],
  );
  for (const id of ids) await applySteps(id, options);
  return { customer, product, ids, numbers: rows.map((row) => row.number) };
}

export type RepairTicket = Omit<RepairTickets, "ids" | "numbers"> & { id: string; number: string };

/** One ticket of `createRepairTickets`. */
export async function createRepairTicket(options: RepairTicketOptions = {}): Promise<RepairTicket> {
  const { ids, numbers, ...rest } = await createRepairTickets(1, options);
  return { ...rest, id: ids[0]!, number: numbers[0]! };
}

/** The warranty as the request form would have stored it (the models' default terms, no receipt, bought new). */
function warrantyOf(product: RepairableProduct) {
  const today = new Date().toISOString().slice(0, 10);
  return computeWarranty(
    { basis: "PURCHASE_DATE", months: 12, graceMonths: 3, registrationBonusMonths: 0, registrationWindowDays: null },
    {
      manufacturedOn: product.manufacturedOn,
      purchasedOn: product.purchasedOn,
      hasProofOfPurchase: false,
      firstRegisteredOn: today,
      transferredOn: null,
      extensions: [],
    },
    today,
  );
}

async function applySteps(ticketId: string, options: Pick<RepairTicketOptions, "steps" | "estimate">): Promise<void> {
  const steps = [...(options.steps ?? [])];
  const estimate = options.estimate;
  if (estimate) {
    if (steps.at(-1)?.to !== "DIAGNOSING") steps.push({ to: "DIAGNOSING", actorId: estimate.sentById });
    steps.push({ to: "ESTIMATE_SENT", actorId: estimate.sentById });
  }
  let from: RepairStatus = "RECEIVED";
  for (const step of steps) {
    await query(
      `UPDATE "RepairTicket" SET status = $2::"RepairStatus", "resumeStatus" = $3::"RepairStatus",
         outcome = coalesce($4::"RepairOutcome", outcome), "pausedAt" = CASE WHEN $5::boolean THEN now() END,
         "closedAt" = CASE WHEN $6::boolean THEN now() END
       WHERE id = $1`,
      [
        ticketId,
        step.to,
        step.to === "WAITING_FOR_CUSTOMER" ? (step.resumeStatus ?? from) : null,
        step.outcome ?? null,
        CUSTOMERS_TURN.includes(step.to),
        CLOSED.includes(step.to),
      ],
    );
    await query(
      `INSERT INTO "RepairEvent" (id, "ticketId", "actorId", kind, "fromStatus", "toStatus", message)
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4::"RepairStatus", $5::"RepairStatus", $6)`,
      [ticketId, step.actorId ?? null, step.kind ?? KIND_OF_MOVE[step.to] ?? "status", from, step.to, step.message ?? null],
    );
    from = step.to;
  }
  if (estimate) {
    const totals = estimateTotals(estimate.lines, 10);
    await query(
      `INSERT INTO "RepairEstimate" (id, "ticketId", lines, "subtotalYen", "taxRate", "taxYen", "totalYen", note, "sentById")
       VALUES (gen_random_uuid()::text, $1, $2::jsonb, $3, 10, $4, $5, $6, $7)`,
      [
        ticketId,
        JSON.stringify(estimate.lines),
        totals.subtotalYen,
        totals.taxYen,
        totals.totalYen,
        estimate.note ?? null,
        estimate.sentById,
      ],
    );
  }
}

/** The customer's photo, uploaded through the real route with their cookie and attached as their request would. */
export async function attachCustomerPhoto(browser: Browser, baseURL: string, customerId: string, ticketId: string): Promise<string> {
  const context = await newContextAs(browser, baseURL, customerId);
  const fileId = await uploadPhotoAs(await context.newPage(), "repair_photo", await receiptPhoto());
  await context.close();
  await query(`INSERT INTO "RepairPhoto" (id, "ticketId", "fileId", "addedBy") VALUES (gen_random_uuid()::text, $1, $2, 'customer')`, [
    ticketId,
    fileId,
  ]);
  return fileId;
}
