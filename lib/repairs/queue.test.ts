import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { testStaff } = await import("@/scripts/test/product-factories");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const { assignTicket } = await import("./desk");
const { listQueue, parseQueueFilter, SEARCH_PEOPLE_LIMIT } = await import("./queue");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

/**
 * `count` tickets on units of one fresh model (the `model` filter keeps other tests' tickets out),
 * of a customer with a name and a phone number to search for.
 */
async function ticketsOfOneModel(count: number) {
  const { model, units, customer, tickets } = await customerWithRepairs(count);
  const named = await db.user.update({
    where: { id: customer.id },
    data: {
      name: `山田 ${randomUUID().slice(0, 6)}`,
      phone: `090-${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}-${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`,
    },
  });
  return { model, units, customer: named, tickets };
}

describe("the desk queue", () => {
  it("lists a view newest first by default and oldest first on request, with no paging links when it fits one page", async () => {
    const { model, tickets } = await ticketsOfOneModel(7);
    const staff = await testStaff("SUPPORT_AGENT");
    const seen: string[] = [];
    let filter = { ...parseQueueFilter({ model: model.id }) };
    const { QUEUE_PAGE_SIZE } = await import("./queue");
    expect(QUEUE_PAGE_SIZE).toBe(50);
    const first = await listQueue(filter, staff.id);
    expect(first.rows.map((row) => row.id)).toEqual([...tickets].reverse().map((ticket) => ticket.id));
    expect(first.next).toBeNull();
    expect(first.previous).toBeNull();
    // Oldest first, then continue after the third row.
    filter = { ...filter, sort: "oldest" };
    const oldest = await listQueue(filter, staff.id);
    seen.push(...oldest.rows.map((row) => row.id));
    expect(seen).toEqual(tickets.map((ticket) => ticket.id));
  });

  it("continues after a cursor and comes back before it", async () => {
    const { model, tickets } = await ticketsOfOneModel(4);
    const staff = await testStaff("SUPPORT_AGENT");
    const all = await listQueue(parseQueueFilter({ model: model.id, sort: "oldest" }), staff.id);
    // A cursor at the second row, as the page would make it.
    const { cursorAt } = await import("./queue");
    const cursor = cursorAt(all.rows[1]!, "oldest");
    const after = await listQueue(parseQueueFilter({ model: model.id, sort: "oldest", after: cursor }), staff.id);
    expect(after.rows.map((row) => row.id)).toEqual(tickets.slice(2).map((ticket) => ticket.id));
    expect(after.previous).not.toBeNull();
    const before = await listQueue(parseQueueFilter({ model: model.id, sort: "oldest", before: after.previous! }), staff.id);
    expect(before.rows.map((row) => row.id)).toEqual(tickets.slice(0, 2).map((ticket) => ticket.id));
    expect(before.next).not.toBeNull();
  });

  it("finds a ticket by number, serial, email, phone and part of the name", async () => {
    const { model, units, customer, tickets } = await ticketsOfOneModel(2);
    const staff = await testStaff("SUPPORT_AGENT");
    const find = async (q: string) => (await listQueue(parseQueueFilter({ model: model.id, q }), staff.id)).rows.map((row) => row.id);
    const number = (await db.repairTicket.findUniqueOrThrow({ where: { id: tickets[0]!.id } })).number;
    expect(await find(number)).toEqual([tickets[0]!.id]);
    expect(await find(number.toLowerCase().replace(/-/g, ""))).toEqual([tickets[0]!.id]);
    expect(await find(units[1]!.serial)).toEqual([tickets[1]!.id]);
    // Some models' serials are all digits, as long as a phone number: still a serial.
    const digits = String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 9000) + 1000);
    await db.serialUnit.update({ where: { id: units[1]!.id }, data: { serial: digits } });
    expect(await find(digits)).toEqual([tickets[1]!.id]);
    expect((await find(customer.email.toUpperCase())).sort()).toEqual(tickets.map((ticket) => ticket.id).sort());
    expect(await find(customer.phone!.replace(/-/g, ""))).toHaveLength(2);
    expect(await find(customer.name!.split(" ")[1]!)).toHaveLength(2);
    expect(await find("存在しない名前")).toEqual([]);
  });

  it("says when a name matches more customers than a search looks at, or is too short to search", async () => {
    const { model, customer } = await ticketsOfOneModel(1);
    const staff = await testStaff("SUPPORT_AGENT");
    const token = randomUUID().slice(0, 8);
    await db.user.createMany({
      data: Array.from({ length: SEARCH_PEOPLE_LIMIT + 1 }, (_, index) => ({
        email: `many-${token}-${index}@test.example`,
        name: `同名 ${token}`,
      })),
    });
    const search = (q: string) => listQueue(parseQueueFilter({ model: model.id, q }), staff.id);
    expect((await search(token)).searchNotice).toBe("cut");
    expect(await search(customer.name!.split(" ")[1]!)).toMatchObject({ searchNotice: null, rows: [expect.anything()] });
    // One character of a name is not searched (it would match half the customers, with no index to help).
    expect(await search("山")).toMatchObject({ searchNotice: "tooShort", rows: [] });
  });

  it("saved views: mine, unassigned and breaching", async () => {
    const { model, tickets } = await ticketsOfOneModel(3);
    const staff = await testStaff("SUPPORT_AGENT");
    await assignTicket({ id: staff.id, role: "SUPPORT_AGENT", dealerId: null }, { ticketId: tickets[0]!.id, assigneeId: staff.id });
    await db.repairTicket.update({ where: { id: tickets[1]!.id }, data: { firstResponseDueAt: new Date(Date.now() - 60_000) } });
    const view = async (name: string) =>
      (await listQueue(parseQueueFilter({ model: model.id, view: name }), staff.id)).rows.map((row) => row.id);
    expect(await view("mine")).toEqual([tickets[0]!.id]);
    expect((await view("unassigned")).sort()).toEqual([tickets[1]!.id, tickets[2]!.id].sort());
    expect(await view("breaching")).toEqual([tickets[1]!.id]);
  });

  it("drops malformed filters instead of failing", () => {
    expect(parseQueueFilter({ view: "everything", state: "DROP TABLE", after: "not-a-cursor", q: "  " })).toMatchObject({
      view: "all",
      state: "open",
      after: undefined,
      q: undefined,
    });
  });
});
