import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { computeWarranty, type WarrantyFacts, type WarrantyTerms } from "./compute";
import { explainWarranty, type WarrantyTranslator } from "./explain";

const CATALOGS = { ja, en } as const;
const explain = (locale: "ja" | "en", terms: WarrantyTerms, facts: WarrantyFacts) =>
  explainWarranty(
    computeWarranty(terms, facts, "2026-01-01"),
    createTranslator({ locale, messages: CATALOGS[locale], namespace: "warranty" }) as unknown as WarrantyTranslator,
    locale,
  );

const purchase: WarrantyTerms = {
  basis: "PURCHASE_DATE",
  months: 12,
  graceMonths: 3,
  registrationBonusMonths: 0,
  registrationWindowDays: 30,
};
const facts: WarrantyFacts = {
  manufacturedOn: "2025-08-20",
  purchasedOn: "2025-10-01",
  hasProofOfPurchase: true,
  firstRegisteredOn: "2025-10-05",
  transferredOn: null,
  extensions: [],
};
const plan = {
  id: "p",
  name: { ja: "延長保証3年", en: "the 3-year extended warranty" },
  months: 36,
  transferable: true,
  addedOn: "2025-10-05",
};

// Each warranty basis's explanation as the customer reads it, in both languages (issue 9: the old
// "12 months counted from manufacture + 6 months (no proof of purchase) (12 months in total)").
describe("explainWarranty", () => {
  it("names the owner's tier months (issue 12)", () => {
    const gold = { ...facts, memberBonus: { months: 3, tier: { ja: "ゴールド", en: "Gold" } } };
    expect(explain("en", purchase, gold)).toBe(
      "12 months from the purchase date on your receipt (October 1, 2025). Plus 3 months as a Gold member: 15 months in total.",
    );
    expect(explain("ja", purchase, gold)).toBe(
      "レシートの購入日(2025年10月1日)から12か月。さらにゴールド会員特典の3か月が加わり、合計15か月です。",
    );
  });

  it("from purchase, with a receipt", () => {
    expect(explain("en", purchase, facts)).toBe("12 months from the purchase date on your receipt (October 1, 2025).");
    expect(explain("ja", purchase, facts)).toBe("レシートの購入日(2025年10月1日)から12か月。");
  });

  it("from purchase, without a receipt: counted from manufacture plus the time until sale, and why", () => {
    const noReceipt = { ...facts, hasProofOfPurchase: false, purchasedOn: null };
    expect(explain("en", purchase, noReceipt)).toBe(
      "12 months from November 20, 2025. Without a receipt, the warranty counts from when the product was made plus 3 months, the usual time until it is sold.",
    );
    expect(explain("ja", purchase, noReceipt)).toBe(
      "2025年11月20日から12か月。レシートの登録がないため、保証は製造日に通常の販売までの期間3か月を加えた日から数えます。",
    );
  });

  it("from manufacture (a model such as WM-90): no mention of a missing receipt, no arithmetic", () => {
    const manufacture = { ...purchase, basis: "MANUFACTURE_DATE" as const, graceMonths: 6 };
    const noReceipt = { ...facts, hasProofOfPurchase: false, purchasedOn: null };
    const english = explain("en", manufacture, noReceipt);
    expect(english).toBe(
      "12 months from February 20, 2026. This model's warranty counts from when it was made plus 6 months, the usual time until it is sold, so no receipt is needed.",
    );
    expect(english).not.toMatch(/\+|proof|Without/);
    expect(explain("ja", manufacture, noReceipt)).toBe(
      "2026年2月20日から12か月。この機種の保証は製造日に通常の販売までの期間6か月を加えた日から数えるため、レシートは不要です。",
    );
    expect(explain("en", { ...manufacture, graceMonths: 0 }, noReceipt)).toBe(
      "12 months from August 20, 2025. This model's warranty counts from when it was made, so no receipt is needed.",
    );
  });

  it("with the registration bonus: what was added and the total", () => {
    const bonus = { ...purchase, registrationBonusMonths: 6 };
    expect(explain("en", bonus, facts)).toBe(
      "12 months from the purchase date on your receipt (October 1, 2025). Plus 6 months for registering the product: 18 months in total.",
    );
    expect(explain("ja", bonus, facts)).toBe(
      "レシートの購入日(2025年10月1日)から12か月。さらに製品登録特典の6か月が加わり、合計18か月です。",
    );
  });

  it("with an extended plan (and the bonus)", () => {
    const bonus = { ...purchase, registrationBonusMonths: 6 };
    expect(explain("en", bonus, { ...facts, extensions: [plan] })).toBe(
      "12 months from the purchase date on your receipt (October 1, 2025). Plus 6 months for registering the product and 36 months of the 3-year extended warranty: 54 months in total.",
    );
    expect(explain("ja", purchase, { ...facts, extensions: [plan] })).toBe(
      "レシートの購入日(2025年10月1日)から12か月。さらに延長保証3年の36か月が加わり、合計48か月です。",
    );
  });

  it("transferred: the first owner's receipt, and that the warranty carried over", () => {
    const transferred = { ...facts, transferredOn: "2025-12-24" };
    expect(explain("en", purchase, transferred)).toBe(
      "12 months from the purchase date on the first owner's receipt (October 1, 2025). You received it from its previous owner on December 24, 2025; the warranty carried over.",
    );
    expect(explain("ja", purchase, transferred)).toBe(
      "最初の所有者のレシートの購入日(2025年10月1日)から12か月。2025年12月24日に前の所有者から譲り受けた製品です。保証はそのまま引き継がれています。",
    );
  });
});
