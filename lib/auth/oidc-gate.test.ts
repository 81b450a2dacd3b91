import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { oidcSignInGate } = await import("./oidc-gate");
const { SECOND_FACTOR_COOKIE } = await import("./second-factor");
const { sealSecret } = await import("./sealed-secrets");

const account = (provider: string, providerAccountId: string) => ({ provider, providerAccountId, type: "oidc" as const });

beforeEach(() => fakeRequest.reset({ cookies: { "authjs.callback-url": "http://localhost:3999/en/signin/continue" } }));

describe("OIDC sign-in gate", () => {
  it("creates accounts only for addresses the provider verified (no pre-hijack under someone else's email)", async () => {
    const user = { email: `new-${randomUUID()}@test.example` };
    expect(await oidcSignInGate({ user, account: account("oidc", randomUUID()), profile: { email_verified: false } })).toBe(false);
    expect(await oidcSignInGate({ user, account: account("oidc", randomUUID()), profile: {} })).toBe(false);
    expect(await oidcSignInGate({ user, account: account("oidc", randomUUID()), profile: { email_verified: true } })).toBe(true);
    expect(await oidcSignInGate({ user, account: account("line", randomUUID()), profile: {} })).toBe(true);
  });

  it("[6.4.3] sends a linked account with a second factor to the code step, in the language the sign-in started in", async () => {
    const subject = randomUUID();
    const user = await db.user.create({
      data: { email: `mfa-${randomUUID()}@test.example`, totpSecret: sealSecret("JBSWY3DPEHPK3PXP"), totpEnabledAt: new Date() },
    });
    await db.account.create({ data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: subject } });
    expect(await oidcSignInGate({ user: { email: user.email }, account: account("oidc", subject) })).toBe("/en/signin/second-factor");
    expect(fakeRequest.cookies.has(SECOND_FACTOR_COOKIE.name)).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a disabled account", async () => {
    const subject = randomUUID();
    const user = await db.user.create({ data: { email: `off-${randomUUID()}@test.example`, disabledAt: new Date() } });
    await db.account.create({ data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: subject } });
    expect(await oidcSignInGate({ user: { email: user.email }, account: account("oidc", subject) })).toBe(false);
  });
});
