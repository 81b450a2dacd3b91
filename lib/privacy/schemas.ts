import { z } from "zod";
import { RETENTION_KIND_LIST } from "./retention-kinds";

/** Retention periods in days, per kind: at least a day, at most 30 years. */
const days = z.coerce
  .number<string | number>("invalid")
  .int("retention.wholeDays")
  .min(1, "retention.range")
  .max(365 * 30, "retention.range");

export const ZRetentionSchema = z.object(
  Object.fromEntries(RETENTION_KIND_LIST.map((kind) => [kind, days])) as Record<(typeof RETENTION_KIND_LIST)[number], typeof days>,
);
export type TRetention = z.input<typeof ZRetentionSchema>;
