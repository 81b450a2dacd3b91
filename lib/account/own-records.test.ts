import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { revokeOwnSession } = await import("@/lib/auth/session-list");
const { removePasskey } = await import("@/lib/auth/passkeys");
const { unlinkProvider } = await import("@/lib/auth/sign-in-methods");
const { confirmEmailChange } = await import("./email-change");
const { issueAuthToken } = await import("@/lib/auth/auth-tokens");
const { hashToken } = await import("@/lib/auth/token-hash");

async function person() {
  return db.user.create({ data: { email: `p-${randomUUID()}@test.example`, passwordHash: "x" } });
}

describe("[8.2.2] records of another user are not found, and nothing changes", () => {
  it("another user's session cannot be revoked", async () => {
    const [me, other] = [await person(), await person()];
    const session = await db.session.create({
      data: { sessionToken: hashToken(randomUUID()), userId: other.id, expires: new Date(Date.now() + 86_400_000) },
    });
    await expect(revokeOwnSession(me.id, session.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.session.count({ where: { id: session.id } })).toBe(1);
  });

  it("another user's passkey cannot be removed", async () => {
    const [me, other] = [await person(), await person()];
    const passkey = await db.passkey.create({
      data: { userId: other.id, credentialId: randomUUID(), publicKey: Buffer.from("k"), deviceType: "singleDevice", name: "Theirs" },
    });
    await expect(removePasskey({ id: me.id, email: me.email, locale: "ja" }, passkey.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.passkey.count({ where: { id: passkey.id } })).toBe(1);
  });

  it("a provider linked to another user cannot be unlinked", async () => {
    const [me, other] = [await person(), await person()];
    await db.account.create({ data: { userId: other.id, type: "oidc", provider: "oidc", providerAccountId: randomUUID() } });
    await expect(unlinkProvider(me.id, "oidc")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.account.count({ where: { userId: other.id } })).toBe(1);
  });

  it("an email-change link of another user does nothing", async () => {
    const [me, other] = [await person(), await person()];
    const { token } = await issueAuthToken({ purpose: "EMAIL_CHANGE", userId: other.id, email: `new-${randomUUID()}@test.example` });
    expect(await confirmEmailChange(me.id, "no-session", token)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(other.email);
  });
});

describe("the last way to sign in", () => {
  it("cannot be removed: unlinking the only provider of a passwordless account is refused and undone", async () => {
    const user = await db.user.create({ data: { email: `np-${randomUUID()}@test.example` } });
    await db.account.create({ data: { userId: user.id, type: "oidc", provider: "oidc", providerAccountId: randomUUID() } });
    await expect(unlinkProvider(user.id, "oidc")).rejects.toMatchObject({ code: "CONFLICT", messageKey: "security.lastSignInMethod" });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
  });
});
