import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { recordAudit } = await import("./log");

describe("audit log", () => {
  it("[16.3.2] is append-only: rows cannot be updated or deleted, even with raw SQL", async () => {
    const label = `audit-${randomUUID()}`;
    await recordAudit({ action: "access.denied", outcome: "DENIED", actorLabel: label, details: { permission: "staff.access" } });
    const row = await db.auditEvent.findFirstOrThrow({ where: { actorLabel: label } });
    expect(row).toMatchObject({ action: "access.denied", outcome: "DENIED", details: { permission: "staff.access" } });

    await expect(db.auditEvent.update({ where: { id: row.id }, data: { outcome: "SUCCESS" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ outcome: "DENIED" });
  });
});
