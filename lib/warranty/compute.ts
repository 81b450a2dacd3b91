import { addDays, addMonthsRollingOver, daysBetween, type LocalDate } from "./local-date";

/**
 * The warranty engine (issue 4): one pure function that turns a model's terms and a unit's facts
 * into coverage and the reasons for it. The UI shows `parts` as the explanation and never does its
 * own date arithmetic.
 */
export type WarrantyBasis = "PURCHASE_DATE" | "MANUFACTURE_DATE";

export type WarrantyTerms = {
  /** PURCHASE_DATE: from the date on the proof of purchase; without one, from manufacture + grace.
   * MANUFACTURE_DATE: always from manufacture + grace (models sold through channels without receipts). */
  basis: WarrantyBasis;
  months: number;
  /** Time from manufacture to a typical sale, added when the start is the manufacture date. */
  graceMonths: number;
  /** Extra months for registering the product in the portal ... */
  registrationBonusMonths: number;
  /** ... within this many days of the start (null: any time). */
  registrationWindowDays: number | null;
};

export type WarrantyExtension = {
  id: string;
  name: { ja: string; en: string };
  months: number;
  /** Bought by or granted to one owner only: it ends when the unit changes hands. */
  transferable: boolean;
  /** Date the extension was added, which tells which owner it belonged to. */
  addedOn: LocalDate;
};

export type WarrantyFacts = {
  manufacturedOn: LocalDate;
  /** Date the first owner bought the unit, as on the proof of purchase (null when there is none). */
  purchasedOn: LocalDate | null;
  hasProofOfPurchase: boolean;
  /** The dealer whose sales list confirmed the purchase date (issue 13): proof without a receipt. */
  confirmedByDealer?: string | null;
  /** First registration of the unit in the portal (by any owner). */
  firstRegisteredOn: LocalDate;
  /** Date the current owner received the unit from a previous owner, if it was transferred. */
  transferredOn: LocalDate | null;
  extensions: WarrantyExtension[];
  /** The current owner's tier benefit, if their tier gives warranty months. */
  memberBonus?: { months: number; tier: { ja: string; en: string } } | null;
};

export type WarrantyPart =
  | {
      kind: "standard";
      months: number;
      from: "purchase" | "manufacture";
      startsOn: LocalDate;
      graceMonths: number;
      /** Counted from manufacture only because no receipt (or no date) was given: the model counts
       * from purchase otherwise. False for models that always count from manufacture. */
      noProof: boolean;
      /** The purchase date came from this dealer's sales list, not a receipt. */
      confirmedByDealer?: string | null;
    }
  | { kind: "registrationBonus"; months: number }
  /** The owner's membership tier adds months while they hold it (issue 12). */
  | { kind: "memberBonus"; months: number; tier: { ja: string; en: string } }
  | { kind: "extension"; months: number; name: { ja: string; en: string } };

export type WarrantyStatus = "COVERED" | "EXPIRING_SOON" | "EXPIRED";

export type Warranty = {
  startsOn: LocalDate;
  /** Last covered day (inclusive). */
  coveredUntil: LocalDate;
  totalMonths: number;
  status: WarrantyStatus;
  /** Days from today to the last covered day (0 on the last day, negative once expired). */
  daysLeft: number;
  parts: WarrantyPart[];
  /** Extensions that ended because the unit changed hands, for the explanation. */
  droppedExtensions: WarrantyExtension[];
  /** When the current owner received the unit (the warranty carried over), for the explanation. */
  transferredOn: LocalDate | null;
};

/** "Expiring soon" starts this many days before the end. */
export const EXPIRING_SOON_DAYS = 60;

export function computeWarranty(terms: WarrantyTerms, facts: WarrantyFacts, today: LocalDate): Warranty {
  const hasProof = facts.hasProofOfPurchase || Boolean(facts.confirmedByDealer);
  const fromPurchase = terms.basis === "PURCHASE_DATE" && hasProof && facts.purchasedOn !== null;
  const graceMonths = fromPurchase ? 0 : terms.graceMonths;
  const startsOn = fromPurchase ? facts.purchasedOn! : addMonthsRollingOver(facts.manufacturedOn, terms.graceMonths);

  const parts: WarrantyPart[] = [
    {
      kind: "standard",
      months: terms.months,
      from: fromPurchase ? "purchase" : "manufacture",
      startsOn,
      graceMonths,
      noProof: terms.basis === "PURCHASE_DATE" && !fromPurchase,
      ...(fromPurchase && facts.confirmedByDealer && !facts.hasProofOfPurchase ? { confirmedByDealer: facts.confirmedByDealer } : {}),
    },
  ];

  // The bonus rewards registering soon after the start; it belongs to the unit, so it survives a
  // transfer. Registering before the start (pre-dated purchase) counts as in time.
  const registeredInTime =
    terms.registrationWindowDays === null || daysBetween(startsOn, facts.firstRegisteredOn) <= terms.registrationWindowDays;
  if (terms.registrationBonusMonths > 0 && registeredInTime) {
    parts.push({ kind: "registrationBonus", months: terms.registrationBonusMonths });
  }

  if (facts.memberBonus && facts.memberBonus.months > 0) {
    parts.push({ kind: "memberBonus", months: facts.memberBonus.months, tier: facts.memberBonus.tier });
  }

  const droppedExtensions: WarrantyExtension[] = [];
  for (const extension of facts.extensions) {
    const ownedByPrevious = facts.transferredOn !== null && extension.addedOn < facts.transferredOn;
    if (ownedByPrevious && !extension.transferable) {
      droppedExtensions.push(extension);
      continue;
    }
    parts.push({ kind: "extension", months: extension.months, name: extension.name });
  }

  const totalMonths = parts.reduce((sum, part) => sum + part.months, 0);
  const coveredUntil = addDays(addMonthsRollingOver(startsOn, totalMonths), -1);
  const daysLeft = daysBetween(today, coveredUntil);
  const status: WarrantyStatus = daysLeft < 0 ? "EXPIRED" : daysLeft <= EXPIRING_SOON_DAYS ? "EXPIRING_SOON" : "COVERED";
  return { startsOn, coveredUntil, totalMonths, status, daysLeft, parts, droppedExtensions, transferredOn: facts.transferredOn };
}
