import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const { currentBreaches, medianTimes, openTicketsByStatus, ticketsPerDay } = await import("./dashboard");

beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

// A "now" years ahead: only the tickets this file moves there fall in the 30-day window.
const NOW = new Date("2031-06-15T03:00:00Z"); // 12:00 in Tokyo
const at = (text: string) => new Date(`${text}+09:00`);

const tickets = async (count: number) => (await customerWithRepairs(count)).tickets;

describe("the desk dashboard", () => {
  it("takes the medians of time to first response and to completion over the last 30 days, in SQL", async () => {
    const [a, b, c, d, e] = await tickets(5);
    const created = at("2031-06-01T09:00:00");
    const minutes = (n: number) => new Date(created.getTime() + n * 60_000);
    // First responses after 60, 120 and 600 minutes: the median is 120.
    await db.repairTicket.update({ where: { id: a!.id }, data: { createdAt: created, firstRespondedAt: minutes(60) } });
    await db.repairTicket.update({ where: { id: b!.id }, data: { createdAt: created, firstRespondedAt: minutes(120) } });
    // Completed after one and three days (median two days); a cancellation is not a resolution.
    await db.repairTicket.update({
      where: { id: c!.id },
      data: { createdAt: created, firstRespondedAt: minutes(600), status: "COMPLETED", closedAt: minutes(1440) },
    });
    await db.repairTicket.update({ where: { id: d!.id }, data: { createdAt: created, status: "COMPLETED", closedAt: minutes(3 * 1440) } });
    await db.repairTicket.update({ where: { id: e!.id }, data: { createdAt: created, status: "CANCELLED", closedAt: minutes(10) } });

    expect(await medianTimes(NOW)).toEqual({
      firstResponseMinutes: 120,
      firstResponseCount: 3,
      resolutionMinutes: 2 * 1440,
      resolutionCount: 2,
    });
    // Forty days later the window has moved past them.
    expect(await medianTimes(new Date(NOW.getTime() + 40 * 86_400_000))).toMatchObject({
      firstResponseMinutes: null,
      resolutionMinutes: null,
    });
  });

  it("counts tickets opened and closed per business day (Tokyo dates), 30 days up to today", async () => {
    const [a, b] = await tickets(2);
    // 23:30 on the 11th in Tokyo is still the 11th there (14:30 UTC).
    await db.repairTicket.update({ where: { id: a!.id }, data: { createdAt: at("2031-06-11T23:30:00") } });
    await db.repairTicket.update({
      where: { id: b!.id },
      data: { createdAt: at("2031-06-11T08:00:00"), status: "COMPLETED", closedAt: at("2031-06-14T00:30:00") },
    });
    const days = await ticketsPerDay(NOW);
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.date).toBe("2031-06-15");
    expect(days[0]!.date).toBe("2031-05-17");
    expect(days.find((day) => day.date === "2031-06-11")).toEqual({ date: "2031-06-11", opened: 2, closed: 0 });
    expect(days.find((day) => day.date === "2031-06-14")).toEqual({ date: "2031-06-14", opened: 0, closed: 1 });
  });

  it("counts open tickets by status and the clocks past their deadline", async () => {
    const beforeStatus = await openTicketsByStatus();
    const beforeBreaches = await currentBreaches(NOW);
    const [a, b] = await tickets(2);
    await db.repairTicket.update({ where: { id: a!.id }, data: { status: "DIAGNOSING", firstRespondedAt: new Date() } });
    // Waiting for the customer: the resolution clock is paused, the first response was made.
    await db.repairTicket.update({
      where: { id: b!.id },
      data: { status: "WAITING_FOR_CUSTOMER", firstRespondedAt: new Date(), pausedAt: new Date() },
    });
    const count = (list: typeof beforeStatus, status: string) => list.find((row) => row.status === status)!.count;
    const afterStatus = await openTicketsByStatus();
    expect(afterStatus.map((row) => row.status)).not.toContain("COMPLETED");
    expect(count(afterStatus, "DIAGNOSING") - count(beforeStatus, "DIAGNOSING")).toBe(1);
    expect(count(afterStatus, "WAITING_FOR_CUSTOMER") - count(beforeStatus, "WAITING_FOR_CUSTOMER")).toBe(1);
    const afterBreaches = await currentBreaches(NOW);
    // By 2031 the diagnosing ticket's resolution deadline has passed; the paused one's has not counted.
    expect(afterBreaches.resolution - beforeBreaches.resolution).toBe(1);
    expect(afterBreaches.firstResponse - beforeBreaches.firstResponse).toBe(0);
    expect(afterBreaches.tickets - beforeBreaches.tickets).toBe(1);
  });
});
