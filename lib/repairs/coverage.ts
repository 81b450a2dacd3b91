import type { RepairCoverage } from "@/lib/generated/prisma/enums";
import type { WarrantyStatus } from "@/lib/warranty/compute";

/**
 * Who pays (pure; shown to the customer before sending and fixed on the ticket): a recall repair
 * is free whatever the warranty; in warranty it is free; otherwise an estimate comes first.
 */
export function decideCoverage(warrantyStatus: WarrantyStatus, hasOpenRecall: boolean): RepairCoverage {
  if (hasOpenRecall) return "RECALL";
  return warrantyStatus === "EXPIRED" ? "PAID" : "WARRANTY";
}

/** Tax on an estimate: Japanese consumption tax is computed on the total and rounded down. */
export function estimateTotals(lines: readonly { quantity: number; unitPriceYen: number }[], taxRate: number) {
  const subtotalYen = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceYen, 0);
  const taxYen = Math.floor((subtotalYen * taxRate) / 100);
  return { subtotalYen, taxYen, totalYen: subtotalYen + taxYen };
}
