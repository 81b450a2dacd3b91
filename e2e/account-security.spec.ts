import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import type { CDPSession, Page } from "@playwright/test";
import { createUser, expect, expectAccessible, query, readEmail, signInThroughForm, test } from "./fixtures";

/**
 * Issue 9: account pre-hijacking (17), the email-change request as a job (19) and device cookies
 * against targeted lock-out (20).
 */

async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** COSE_Key (RFC 9053) of a P-256 public key in CBOR, as the Passkey table stores it. */
function coseP256(x: Buffer, y: Buffer): Buffer {
  // map(5): kty(1)=EC2(2), alg(3)=ES256(-7), crv(-1)=P-256(1), x(-2)=bytes(32), y(-3)=bytes(32)
  return Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]);
}

/**
 * A passkey as a squatter could have added it before the server refused that (a legacy row): the
 * key pair is made here, the public half goes straight into the database and the private half
 * into the browser's virtual authenticator.
 */
async function plantLegacyPasskey(authenticator: { cdp: CDPSession; authenticatorId: string }, userId: string): Promise<void> {
  const { cdp, authenticatorId } = authenticator;
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  await query(
    `INSERT INTO "Passkey" (id, "userId", "credentialId", "publicKey", transports, "deviceType", name) VALUES ($1, $2, $3, $4, '{internal}', 'singleDevice', 'Squatter laptop')`,
    [
      randomUUID(),
      userId,
      credentialId.toString("base64url"),
      coseP256(Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")),
    ],
  );
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: credentialId.toString("base64"),
      isResidentCredential: true,
      rpId: "localhost",
      privateKey: (privateKey.export({ format: "der", type: "pkcs8" }) as Buffer).toString("base64"),
      userHandle: Buffer.from(userId).toString("base64"),
      signCount: 0,
    },
  });
}

async function signInWithPasskey(page: Page): Promise<void> {
  await page.goto("/en/signin");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
}

test("[6.4.3] account pre-hijacking: a squatter's passkey does not survive the owner's password reset", async ({ browser }) => {
  test.setTimeout(90_000);
  const victimEmail = `victim-${randomUUID()}@e2e.example`;
  const squatterPassword = "the squatter picked this passphrase";

  // The squatter signs up with the victim's address and signs in: allowed, but unverified.
  const squatter = await browser.newContext();
  const page = await squatter.newPage();
  await page.goto("/en/signup");
  await page.getByLabel("Email address").fill(victimEmail);
  await page.getByLabel("Password", { exact: true }).fill(squatterPassword);
  await page.getByLabel("I agree to the terms of use and the privacy policy.").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await page.goto("/en/signin");
  await signInThroughForm(page, "en", victimEmail, squatterPassword);
  await expect(page).toHaveURL(/\/en\/mypage$/);

  // No passkey, second factor or provider can be added before the address is confirmed.
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto("/en/account/security");
  await expect(page.getByRole("heading", { name: "Confirm your email address first" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Turn on two-step verification" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Link / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send the confirmation email again" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/ja/account/security");
  await expect(page.getByRole("heading", { name: "先にメールアドレスを確認してください" })).toBeVisible();
  await expectAccessible(page);
  const [account] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1 AND "emailVerified" IS NULL`, [victimEmail]);

  // A passkey from before the refusal existed (legacy): the squatter can sign in with it...
  await plantLegacyPasskey(authenticator, account!.id);
  await squatter.clearCookies();
  await signInWithPasskey(page);
  await expect(page).toHaveURL(/\/en\/mypage$/);

  // ...until the real owner proves the mailbox with a password reset.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await ownerPage.goto("/en/forgot-password");
  await ownerPage.getByLabel("Email address").fill(victimEmail);
  await ownerPage.getByRole("button", { name: "Send reset link" }).click();
  await expect(ownerPage.getByText("Check your inbox")).toBeVisible();
  const reset = await readEmail(victimEmail, /Reset your password/);
  await ownerPage.goto(reset.link!);
  await ownerPage.getByLabel("New password").fill("the owner's own long passphrase");
  await ownerPage.getByRole("button", { name: "Save new password" }).click();
  await expect(ownerPage).toHaveURL(/\/en\/signin\?reset=1$/);

  // The owner is told what was removed; the passkey and the squatter's session are gone.
  const notice = await readEmail(victimEmail, /Sign-in methods were removed/);
  expect(notice.text).toContain("Passkeys: 1");
  // The squatter's password session and passkey session.
  expect(notice.text).toContain("Signed-in devices signed out: 2");
  expect(await query(`SELECT 1 FROM "Passkey" WHERE "userId" = $1`, [account!.id])).toHaveLength(0);
  await page.goto("/en/mypage");
  await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=/);
  await signInWithPasskey(page);
  await expect(page.getByText("This passkey could not be verified.")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/signin/);

  // The owner signs in with the new password; the activity log shows the removal.
  await ownerPage.goto("/en/signin");
  await signInThroughForm(ownerPage, "en", victimEmail, "the owner's own long passphrase");
  await expect(ownerPage).toHaveURL(/\/en\/mypage$/);
  const audit = await query<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.unproven_credentials_removed'`,
    [account!.id],
  );
  expect(audit).toHaveLength(1);
  await squatter.close();
  await owner.close();
});

test("[6.3.1] targeted lock-out: strangers' wrong passwords lock the account, but a browser that signed in before still gets in", async ({
  browser,
}) => {
  test.setTimeout(90_000); // eight password checks (argon2) in a row
  const user = await createUser("CUSTOMER");
  // The owner's browser signs in once (and gets a device cookie), then signs out.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await ownerPage.goto("/en/signin");
  await signInThroughForm(ownerPage, "en", user.email, user.password);
  await expect(ownerPage).toHaveURL(/\/en\/mypage$/);
  const device = (await ownerContext.cookies()).find((cookie) => cookie.name === "portal.device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await ownerContext.clearCookies({ name: "portal.session-token" });

  // Someone else guesses until the account is locked.
  const attacker = await browser.newContext();
  const attackerPage = await attacker.newPage();
  await attackerPage.goto("/en/signin");
  for (let i = 0; i < 6; i++) {
    await signInThroughForm(attackerPage, "en", user.email, `wrong guess ${i}`);
    await expect(attackerPage.getByRole("alert").filter({ hasText: /incorrect|Too many/ })).toBeVisible();
  }
  await signInThroughForm(attackerPage, "en", user.email, user.password);
  await expect(attackerPage.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();

  // The owner's browser is judged on its own record.
  await ownerPage.goto("/en/signin");
  await signInThroughForm(ownerPage, "en", user.email, user.password);
  await expect(ownerPage).toHaveURL(/\/en\/mypage$/);
  await ownerContext.close();
  await attacker.close();
});

test("email change: the confirmation link arrives through the job queue and changes the address", async ({ page, login }) => {
  const user = await login("CUSTOMER");
  const newEmail = `moved-${randomUUID()}@e2e.example`;
  await page.goto("/en/account");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.getByText(`To finish, open the link we sent to ${newEmail}.`)).toBeVisible();
  // Emails use the account's language (Japanese by default).
  const mail = await readEmail(newEmail, /新しいメールアドレスの確認/);
  await page.goto(mail.link!);
  await page.getByRole("button", { name: "このアドレスを使う" }).click();
  await expect(page.getByText("メールアドレスを変更しました。")).toBeVisible();
  expect(await query(`SELECT email FROM "User" WHERE id = $1`, [user.id])).toEqual([{ email: newEmail }]);
  await readEmail(user.email, /メールアドレスが変更されました/);
});
