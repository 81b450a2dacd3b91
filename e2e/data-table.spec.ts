import { createModelWithUnits, expect, expectAccessible, test } from "./fixtures";

/**
 * The one data table (components/ui/data-table.tsx), seen on the catalog: headers sort by keyboard
 * and mouse, say how they sort (aria-sort), and the rows follow. Rows stay rows of one table, so
 * the other specs keep finding them by role and text.
 */
const CATALOG = {
  ja: { code: "型番", units: "シリアル数" },
  en: { code: "Model code", units: "Serials" },
} as const;

for (const locale of ["ja", "en"] as const) {
  test(`(${locale}) the catalog table sorts by its headers, operable by keyboard, and announces the order`, async ({ page, login }) => {
    const t = CATALOG[locale];
    // Two models with different unit counts, so sorting by units has something to order.
    const few = await createModelWithUnits(1);
    const many = await createModelWithUnits(3);
    await login("ADMIN");
    await page.goto(`/${locale}/admin/catalog`);
    const table = page.getByRole("table");
    const codeHeader = table.getByRole("columnheader", { name: t.code, exact: true });
    const codeButton = codeHeader.getByRole("button", { name: t.code, exact: true });
    await expect(codeHeader).not.toHaveAttribute("aria-sort");

    const codes = () => table.locator("tbody tr td:first-child a").allTextContents();
    const collator = new Intl.Collator(locale, { numeric: true });
    await codeButton.focus();
    await page.keyboard.press("Enter");
    await expect(codeHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await codes();
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    await page.keyboard.press("Space");
    await expect(codeHeader).toHaveAttribute("aria-sort", "descending");
    expect(await codes()).toEqual([...ascending].reverse());

    // Sorting by another column moves the mark there.
    const unitsHeader = table.getByRole("columnheader", { name: t.units, exact: true });
    await unitsHeader.getByRole("button").click();
    await expect(codeHeader).not.toHaveAttribute("aria-sort");
    await expect(unitsHeader).toHaveAttribute("aria-sort", /ascending|descending/);
    const order = await codes();
    const [fewAt, manyAt] = [order.indexOf(few.code), order.indexOf(many.code)];
    expect(fewAt).toBeGreaterThanOrEqual(0);
    if ((await unitsHeader.getAttribute("aria-sort")) === "ascending") expect(fewAt).toBeLessThan(manyAt);
    else expect(manyAt).toBeLessThan(fewAt);
    await expect(table.getByRole("row").filter({ hasText: many.code })).toHaveCount(1);
    await expectAccessible(page);
  });
}
