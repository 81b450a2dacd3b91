import { withCheckDigit } from "../products/serial-format";

/**
 * Demo serial registry (seed and README): 20 units per model, numbered 1..20. Unit 2 of AC-2600
 * is already registered to customer2@demo.example, to try the claim path.
 */
export function demoSerial(modelCode: string, n: number): string {
  if (modelCode === "AC-2600") return withCheckDigit(`AC26${String(n).padStart(6, "0")}`, "ISO7064_MOD37_36");
  if (modelCode === "RF-450") return withCheckDigit(`RF45${String(n).padStart(6, "0")}`, "ISO7064_MOD37_36");
  if (modelCode === "WM-90") return withCheckDigit(`90${String(n).padStart(7, "0")}`, "LUHN");
  return `VC7D${String(n).padStart(6, "0")}`;
}

export const DEMO_OWNED_SERIAL = { modelCode: "AC-2600", n: 2, ownerEmail: "customer2@demo.example" } as const;
