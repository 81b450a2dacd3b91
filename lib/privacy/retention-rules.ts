import "server-only";
import { db } from "@/lib/db";
import { HOLD_KIND_LIST, RETENTION_KIND_LIST } from "./retention-kinds";
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from "./schemas";

/**
 * How long each kind of record is kept (RetentionRule rows, defaults set by the privacy_center
 * migration). The first four are the legal holds of an erased account, counted from its erasure:
 * repair records (7 years: product liability), warranty records (10 years: the product's service
 * life), the points ledger (10 years: accounting records), consent proofs (5 years).
 */
export const HOLD_KINDS = HOLD_KIND_LIST;
export type HoldKind = (typeof HOLD_KINDS)[number];

export const RETENTION_KINDS = RETENTION_KIND_LIST;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

const DEFAULT_DAYS: Record<RetentionKind, number> = {
  repair_records: 2555,
  warranty_records: 3650,
  points_ledger: 3650,
  consent_proofs: 1825,
  audit_events: 730,
  outbox_emails: 90,
  data_exports: 7,
};

export async function retentionDays(): Promise<Record<RetentionKind, number>> {
  const rows = await db.retentionRule.findMany({ select: { kind: true, days: true } });
  const days = { ...DEFAULT_DAYS };
  // Clamped to the form's range (lib/privacy/schemas.ts): a value saved before a floor existed, or
  // written around the form, cannot shorten a legal hold.
  for (const row of rows) {
    if (!(RETENTION_KINDS as readonly string[]).includes(row.kind)) continue;
    const kind = row.kind as RetentionKind;
    days[kind] = Math.min(Math.max(row.days, RETENTION_MIN_DAYS[kind]), RETENTION_MAX_DAYS[kind] ?? 365 * 30);
  }
  return days;
}
