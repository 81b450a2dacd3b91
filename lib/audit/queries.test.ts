import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { recordAudit } = await import("./log");
const { auditFilterParams, listRecordedAuditActions, parseAuditFilter, searchAuditEvents } = await import("./queries");

async function people() {
  const make = (role: "ADMIN" | "CUSTOMER") =>
    db.user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@audit.example`, role } });
  return { viewer: await make("ADMIN"), actor: await make("ADMIN"), customer: await make("CUSTOMER") };
}

// Viewers are users of type CurrentUser as the page passes them; the query reads only the id.
const asViewer = (user: { id: string }) => user as never;

describe("audit log queries", () => {
  it("parses filters from the URL, dropping what is malformed", () => {
    expect(
      parseAuditFilter({
        actor: " a@b ",
        action: "auth.sign_in",
        outcome: "DENIED",
        from: "2026-12-01",
        to: "2026-02-30",
        q: "",
        before: "12x",
        after: "7",
      }),
    ).toEqual({
      actor: "a@b",
      action: "auth.sign_in",
      outcome: "DENIED",
      from: "2026-12-01",
      to: undefined,
      q: undefined,
      before: undefined,
      after: 7n,
    });
    expect(parseAuditFilter({ action: "'; DROP", outcome: "maybe", actor: ["a", "b"] })).toMatchObject({
      action: undefined,
      outcome: undefined,
      actor: undefined,
    });
    expect(auditFilterParams({ actor: "a", outcome: "SUCCESS", before: 5n })).toEqual({ actor: "a", outcome: "SUCCESS" });
  });

  it("filters by actor, action, outcome and time, pages by keyset both ways, and names whose data a view showed", async () => {
    const { viewer, actor, customer } = await people();
    for (let i = 0; i < 5; i++) await recordAudit({ action: "auth.sign_in", outcome: i === 2 ? "FAILURE" : "SUCCESS", actorId: actor.id });
    await recordAudit({
      action: "personal_data.viewed",
      outcome: "SUCCESS",
      actorId: actor.id,
      targetType: "OwnershipClaim",
      targetId: "claim-1",
      subjectIds: [customer.id],
    });

    const all = await searchAuditEvents(asViewer(viewer), { actor: actor.email }, 4);
    expect(all.events.map((event) => event.action)).toEqual(["personal_data.viewed", "auth.sign_in", "auth.sign_in", "auth.sign_in"]);
    expect(all.events[0]).toMatchObject({ targetType: "OwnershipClaim", targetId: "claim-1", subjects: [customer.email] });
    expect(all.newer).toBeNull();
    expect(all.older).toBe(all.events[3]!.id);

    const older = await searchAuditEvents(asViewer(viewer), { actor: actor.email, before: BigInt(all.older!) }, 4);
    expect(older.events).toHaveLength(2);
    expect(older.older).toBeNull();
    expect(older.newer).toBe(older.events[0]!.id);
    const back = await searchAuditEvents(asViewer(viewer), { actor: actor.email, after: BigInt(older.newer!) }, 4);
    expect(back.events.map((event) => event.id)).toEqual(all.events.map((event) => event.id));
    expect(back.newer).toBeNull();
    expect(back.older).toBe(all.older);

    expect((await searchAuditEvents(asViewer(viewer), { actor: actor.email, outcome: "FAILURE" })).events).toHaveLength(1);
    expect((await searchAuditEvents(asViewer(viewer), { actor: actor.email, action: "auth.sign_in" })).events).toHaveLength(5);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect((await searchAuditEvents(asViewer(viewer), { actor: actor.email, from: today, to: today })).events).toHaveLength(6);
    expect((await searchAuditEvents(asViewer(viewer), { actor: actor.email, to: "2020-01-01" })).events).toHaveLength(0);

    // Searching for the customer finds the view of their data (whose), not only their own actions.
    const whose = await searchAuditEvents(asViewer(viewer), { q: customer.email });
    expect(whose.events.map((event) => event.targetId)).toContain("claim-1");
    // Reading the log is itself recorded, naming the actors whose entries were shown...
    const view = await db.auditEvent.findFirstOrThrow({
      where: { actorId: viewer.id, action: "personal_data.viewed" },
      orderBy: { id: "desc" },
    });
    expect(view).toMatchObject({ targetType: "AuditLog", details: { filter: { q: customer.email } } });
    // ...and the people those entries concern, whose emails the page showed too.
    expect(view.subjectIds).toEqual(expect.arrayContaining([customer.id]));
    expect(await listRecordedAuditActions()).toEqual(expect.arrayContaining(["auth.sign_in", "personal_data.viewed"]));
  });
});
