import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { customerWithProduct, repairRequestInput } = await import("@/scripts/test/repair-factories");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { createRepairRequest } = await import("@/lib/repairs/requests");
const { setConsent } = await import("@/lib/consents/current");
const { requestErasure, runErasure } = await import("./erasure");
const { runRetention, saveRetentionDays } = await import("./retention");
const { stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());
beforeEach(() => fakeRequest.reset({ headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` } }));

const YEAR = 365 * 86_400_000;
const { ZRetentionSchema } = await import("./schemas");
const DEFAULTS = {
  repair_records: 2555,
  warranty_records: 3650,
  points_ledger: 3650,
  consent_proofs: 1825,
  audit_events: 730,
  outbox_emails: 90,
  data_exports: 7,
};

describe("[GDPR 17] the retention job", () => {
  it("removes an erased account's held records when their periods end, each kind on its own date, and logs the run", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    await setConsent(customer.id, "marketing_email", true);
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await requestErasure(customer.id);
    await runErasure({ userId: customer.id });

    // Six years on: consent proofs (5 years) go; repair (7) and warranty (10) records stay.
    const first = await runRetention({ trigger: "test" }, new Date(Date.now() + 6 * YEAR));
    expect(first.consent_proofs).toBeGreaterThanOrEqual(1);
    expect(await db.consent.count({ where: { userId: customer.id } })).toBe(0);
    expect(await db.repairTicket.count({ where: { id: ticket.id } })).toBe(1);

    // Eight years: the repair record goes; the ownership is free of it but its 10 years are not over.
    await runRetention({ trigger: "test" }, new Date(Date.now() + 8 * YEAR));
    expect(await db.repairTicket.count({ where: { id: ticket.id } })).toBe(0);
    expect(await db.ownership.count({ where: { id: ownership.id } })).toBe(1);

    await runRetention({ trigger: "test" }, new Date(Date.now() + 11 * YEAR));
    expect(await db.ownership.count({ where: { id: ownership.id } })).toBe(0);
    // The shell stays (the audit log and the points ledger point at it), with nothing personal in it.
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id }, select: { name: true, phone: true } })).toEqual({
      name: null,
      phone: null,
    });
    const runs = await db.retentionRun.findMany({ where: { trigger: "test" }, orderBy: { startedAt: "asc" } });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((run) => run.finishedAt !== null && run.error === null)).toBe(true);
  });

  it("a living customer's records are never touched, however old", async () => {
    const { customer, ownership, symptom } = await customerWithProduct();
    const ticket = await createRepairRequest(customer, repairRequestInput(ownership.id, symptom.id));
    await setConsent(customer.id, "research", true);
    await runRetention({ trigger: "test" }, new Date(Date.now() + 40 * YEAR));
    expect(await db.repairTicket.count({ where: { id: ticket.id } })).toBe(1);
    expect(await db.consent.count({ where: { userId: customer.id, purpose: "research" } })).toBe(1);
  });

  it("[16.3.2] purges audit events past their period, while the log refuses any other delete or update", async () => {
    const customer = await testCustomer();
    const old = await db.auditEvent.create({
      data: { action: "auth.sign_in", outcome: "SUCCESS", actorId: customer.id, at: new Date(Date.now() - 3 * YEAR) },
    });
    const recent = await db.auditEvent.create({ data: { action: "auth.sign_in", outcome: "SUCCESS", actorId: customer.id } });
    await expect(db.auditEvent.delete({ where: { id: recent.id } })).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "actorId" = ${customer.id}`).rejects.toThrow();
    // Setting the flag without a cut-off, or outside the job's transaction, is not enough.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('portal.retention', 'purge', true)`;
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${recent.id}`;
      }),
    ).rejects.toThrow();
    // Without a cut-off even an old entry stays.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('portal.retention', 'purge', true)`;
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${old.id}`;
      }),
    ).rejects.toThrow();
    // Nor is a cut-off inside the last year, whatever the transaction says.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('portal.retention', 'purge', true), set_config('portal.retention_before', '2999-01-01', true)`;
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${recent.id}`;
      }),
    ).rejects.toThrow();
    const removed = await runRetention({ trigger: "test" });
    expect(removed.audit_events).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { actorId: customer.id } })).toBe(1);
    await expect(db.auditEvent.update({ where: { id: recent.id }, data: { action: "x.y" } })).rejects.toThrow();
  });

  it("removes expired export files and old outbox emails, and reads the periods admins set", async () => {
    const customer = await testCustomer();
    const old = await db.outboxEmail.create({
      data: {
        to: `${randomUUID()}@test.example`,
        subject: "s",
        text: "t",
        html: "h",
        template: "x",
        createdAt: new Date(Date.now() - 100 * 86_400_000),
      },
    });
    const exportRow = await db.dataExport.create({
      data: {
        userId: customer.id,
        status: "READY",
        storage: "LOCAL",
        storageKey: `exports/${randomUUID()}.zip`,
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await runRetention({ trigger: "test" });
    expect(await db.outboxEmail.count({ where: { id: old.id } })).toBe(0);
    expect((await db.dataExport.findUniqueOrThrow({ where: { id: exportRow.id } })).removedAt).toBeInstanceOf(Date);

    const recent = await db.outboxEmail.create({
      data: {
        to: `${randomUUID()}@test.example`,
        subject: "s",
        text: "t",
        html: "h",
        template: "x",
        createdAt: new Date(Date.now() - 10 * 86_400_000),
      },
    });
    await saveRetentionDays(customer.id, { outbox_emails: 5 });
    expect(ZRetentionSchema.safeParse({ ...DEFAULTS, audit_events: 30 }).success).toBe(false);
    expect(ZRetentionSchema.safeParse({ ...DEFAULTS, repair_records: 100 }).success).toBe(false);
    expect(ZRetentionSchema.safeParse(DEFAULTS).success).toBe(true);
    await runRetention({ trigger: "test" });
    expect(await db.outboxEmail.count({ where: { id: recent.id } })).toBe(0);
    await saveRetentionDays(customer.id, { outbox_emails: 90 });
  });
});
