/** The kinds of record with a retention period (pure, for forms; lib/privacy/retention-rules.ts reads the days). */
export const HOLD_KIND_LIST = ["repair_records", "warranty_records", "points_ledger", "consent_proofs"] as const;
export const RETENTION_KIND_LIST = [...HOLD_KIND_LIST, "audit_events", "outbox_emails", "data_exports"] as const;
