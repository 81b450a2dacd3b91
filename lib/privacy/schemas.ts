import { z } from "zod";
import { RETENTION_KIND_LIST } from "./retention-kinds";

/**
 * Retention periods in days, per kind, with floors: a legal hold or the audit log cannot be cut
 * below a year by a slip of the keyboard (the database refuses to purge the last year of the
 * audit log anyway), an export is downloadable for 1-30 days, everything at most 30 years.
 */
type Kind = (typeof RETENTION_KIND_LIST)[number];
export const RETENTION_MIN_DAYS: Record<Kind, number> = {
  repair_records: 365,
  warranty_records: 365,
  points_ledger: 365,
  consent_proofs: 365,
  audit_events: 365,
  outbox_emails: 1,
  data_exports: 1,
};
export const RETENTION_MAX_DAYS: Partial<Record<Kind, number>> = { data_exports: 30 };

const days = (kind: Kind) =>
  z.coerce
    .number<string | number>("invalid")
    .int("retention.wholeDays")
    .min(RETENTION_MIN_DAYS[kind], "retention.range")
    .max(RETENTION_MAX_DAYS[kind] ?? 365 * 30, "retention.range");

export const ZRetentionSchema = z.object(
  Object.fromEntries(RETENTION_KIND_LIST.map((kind) => [kind, days(kind)])) as Record<Kind, ReturnType<typeof days>>,
);
export type TRetention = z.input<typeof ZRetentionSchema>;
