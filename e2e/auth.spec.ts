import {
  createUser,
  currentTotp,
  expect,
  hashSessionToken,
  query,
  SESSION_COOKIE,
  signInThroughForm,
  signInWithSecondFactor,
  test,
} from "./fixtures";

test.describe("password sign-in", () => {
  test("a customer signs in and sees My Page (Japanese)", async ({ page }) => {
    const user = await createUser("CUSTOMER");
    await page.goto("/ja/signin");
    await signInThroughForm(page, "ja", user.email, user.password);
    await expect(page).toHaveURL(/\/ja\/mypage$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${user.name} さん、ようこそ`);
    // The sign-in itself is listed under the customer's recent sign-ins.
    await expect(page.getByRole("cell", { name: "ログイン", exact: true })).toBeVisible();
  });

  test("[6.3.3] staff and dealers sign in with password and second factor and land in their area (English)", async ({ browser }) => {
    for (const [role, path, heading] of [
      ["SUPPORT_AGENT", "/en/admin", "Staff dashboard"],
      ["DEALER_STAFF", "/en/dealer", "Dealer portal"],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const user = await createUser(role);
      await page.goto("/en/signin");
      await signInThroughForm(page, "en", user.email, user.password);
      // The password alone opens nothing: the second-factor step comes first.
      await expect(page).toHaveURL(/\/en\/signin\/second-factor$/);
      await page.getByLabel("Authentication code").fill(currentTotp(user));
      await page.getByRole("button", { name: "Verify", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await context.close();
    }
  });

  test("[6.3.8] a wrong password and an unknown email get the same message, and the email stays typed", async ({ page }) => {
    const user = await createUser("CUSTOMER");
    await page.goto("/en/signin");
    await signInThroughForm(page, "en", user.email, "definitely not it");
    const alert = page.getByRole("alert").filter({ hasText: "incorrect" });
    await expect(alert).toHaveText("The email address or password is incorrect.");
    await expect(page.getByLabel("Email address")).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/en\/signin$/);

    await page.getByLabel("Email address").fill("nobody-at-all@e2e.example");
    // The first alert is still showing: wait for the server's answer to the second attempt.
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/sign-in"));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    expect((await answer).status()).toBe(401);
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await expect(alert).toHaveText("The email address or password is incorrect.");
    await expect(page.getByLabel("Email address")).toHaveValue("nobody-at-all@e2e.example");
  });

  test("shows validation messages next to the fields", async ({ page }) => {
    await page.goto("/en/signin");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  });

  test("a signed-out visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
    const user = await createUser("SUPPORT_LEAD");
    await page.goto("/en/admin/audit");
    await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=%2Fen%2Fadmin%2Faudit$/);
    await signInWithSecondFactor(page, "en", user);
    await expect(page).toHaveURL(/\/en\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  });
});

test("a callback into an area the role may not open is ignored: the user lands at home", async ({ page }) => {
  const agent = await createUser("SUPPORT_AGENT");
  await page.goto("/en/signin?callbackUrl=%2Fen%2Fdealer");
  await signInWithSecondFactor(page, "en", agent);
  await expect(page).toHaveURL(/\/en\/admin$/);
});

test("the demo customer from the README signs in and sees My Page", async ({ page }) => {
  await page.goto("/ja/signin");
  await signInThroughForm(page, "ja", "customer@demo.example", "demo-portal-2026");
  await expect(page).toHaveURL(/\/ja\/mypage$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("山田 花子 さん、ようこそ");
  await expect(page.getByText("ヤマダ ハナコ")).toBeVisible();
});

test("a double click on sign-in starts one session", async ({ page }) => {
  const user = await createUser("CUSTOMER");
  await page.goto("/en/signin");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).dblclick();
  await expect(page).toHaveURL(/\/en\/mypage$/);
  expect(await query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [user.id])).toHaveLength(1);
});

test.describe("sessions", () => {
  test("[7.4.1] signing out ends the session on the server: the old cookie is refused", async ({ page, context, login, baseURL }) => {
    await login("CUSTOMER");
    await page.goto("/en/mypage");
    const token = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!.value;

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/signin\?signedOut=1$/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    expect(await query(`SELECT 1 FROM "Session" WHERE "sessionToken" = $1`, [hashSessionToken(token)])).toHaveLength(0);

    // Replay the cookie as an attacker who copied it would.
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    await page.goto("/en/mypage");
    await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=/);
  });

  test("deleting a user's session row signs that browser out at its next request", async ({ page, login }) => {
    const user = await login("CUSTOMER");
    await page.goto("/ja/mypage");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);

    await query(`DELETE FROM "Session" WHERE "userId" = $1`, [user.id]);
    await page.reload();
    await expect(page).toHaveURL(/\/ja\/signin\?callbackUrl=%2Fja%2Fmypage$/);
  });

  test("[7.4.2] a disabled account is signed out at its next request", async ({ page, login }) => {
    const user = await login("SUPPORT_AGENT");
    await page.goto("/en/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff dashboard");
    await query(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [user.id]);
    await page.reload();
    await expect(page).toHaveURL(/\/en\/signin/);
    expect(await query(`SELECT 1 FROM "Session" WHERE "userId" = $1`, [user.id])).toHaveLength(0);
  });
});
