import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createRepairRequest } from "@/lib/repairs/requests";
import type { RepairRequestInput } from "@/lib/repairs/schemas";
import { own, testCustomer, testModelWithUnits } from "./product-factories";

/**
 * Test data for repair tests: each call makes records no other test shares. Import it after
 * mocking `next/headers` (the request path reads the client's address).
 */

/** What the request form sends for a send-in repair with email contact; a fresh key makes each a new request. */
export function repairRequestInput(
  ownershipId: string,
  symptomCategoryId: string,
  overrides: Partial<RepairRequestInput> = {},
): RepairRequestInput {
  return {
    ownershipId,
    symptomCategoryId,
    description: "電源ボタンを押しても反応しません。",
    photoFileIds: [],
    delivery: "SEND_IN",
    preferredDates: [],
    dealerId: "",
    contactPreference: "EMAIL",
    phone: "",
    postalCode: "",
    prefecture: "",
    city: "",
    addressLine1: "",
    addressLine2: "",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** The calendar date `days` days before today (UTC is close enough for a date months inside a warranty). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A customer who owns `units` units of a fresh model, all new and in warranty or all years old and
 * out of it, and a symptom of the model's kind to pick. `unit` and `ownership` are the first.
 */
export async function customerWithProduct(options: { units?: number; expired?: boolean } = {}) {
  // New units are dated from today (made two months ago, bought one month ago), so they stay in warranty whenever the tests run.
  const { model, units } = await testModelWithUnits(options.units ?? 1, { manufacturedOn: options.expired ? "2019-01-10" : daysAgo(60) });
  const customer = await testCustomer();
  const ownerships = [];
  for (const unit of units) ownerships.push(await own(customer.id, unit.id, options.expired ? "2019-02-01" : daysAgo(30)));
  const symptom = await db.symptomCategory.create({
    data: { productCategory: model.category, code: `s-${randomUUID()}`, nameJa: "電源が入らない", nameEn: "Does not turn on" },
  });
  return { customer, model, units, ownerships, unit: units[0]!, ownership: ownerships[0]!, symptom };
}

/** As `customerWithProduct`, with one request per unit sent through the app (oldest first). */
export async function customerWithRepairs(units: number, options: { expired?: boolean } = {}) {
  const setup = await customerWithProduct({ ...options, units });
  const tickets = [];
  for (const ownership of setup.ownerships) {
    tickets.push(await createRepairRequest(setup.customer, repairRequestInput(ownership.id, setup.symptom.id)));
  }
  return { ...setup, tickets, ticket: tickets[0]! };
}
