import { expect, test } from "./fixtures";

test("[3.4.1] pages carry a CSP with frame-ancestors 'none' and nosniff", async ({ request }) => {
  for (const path of ["/ja", "/en/signin"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("[14.3.2] pages with personal data are not cached", async ({ page, login }) => {
  await login("CUSTOMER");
  const response = await page.goto("/en/mypage");
  expect(response?.headers()["cache-control"]).toContain("no-store");
});

test("/api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  expect(response.headers()["cache-control"]).toBe("no-store");
});

test("/ sends a visitor to the Japanese site by default and English on request", async ({ browser }) => {
  const ja = await browser.newContext({ locale: "ja-JP" });
  const jaPage = await ja.newPage();
  await jaPage.goto("/");
  await expect(jaPage).toHaveURL(/\/ja$/);
  await ja.close();

  const en = await browser.newContext({ locale: "en-US" });
  const enPage = await en.newPage();
  await enPage.goto("/");
  await expect(enPage).toHaveURL(/\/en$/);
  await en.close();
});

test("the language switcher keeps the page and switches its strings", async ({ page }) => {
  await page.goto("/ja/signin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/signin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByText("ログイン")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "日本語" })).toBeVisible();
});

test("dates and numbers follow the language", async ({ page, login }) => {
  await login("CUSTOMER");
  await page.goto("/ja/mypage");
  const year = new Date().getFullYear();
  await expect(page.getByText(new RegExp(`${year}年\\d+月\\d+日`))).toBeVisible();
  await page.goto("/en/mypage");
  await expect(page.getByText(new RegExp(`[A-Z][a-z]+ \\d+, ${year}`))).toBeVisible();
});

test("demo accounts are listed on the sign-in page in demo mode", async ({ page }) => {
  await page.goto("/en/signin");
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "customer@demo.example" })).toBeVisible();
});
