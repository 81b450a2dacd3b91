import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { db } = await import("@/lib/db");
const { getOidcProvider } = await import("./provider");
const { listConnectedApps, revokeConnectedApp } = await import("./grants");
const { KEY_ACTIVATION_MS, loadSigningKeys, rotateSigningKey } = await import("./keys");
const { hashClientSecret, saveClient } = await import("./clients");
const { clientMetadata } = await import("./client-metadata");
const { ZClientSchema } = await import("./client-schemas");
const { testCustomer } = await import("@/scripts/test/product-factories");
const { testAccessToken, testClient } = await import("@/scripts/test/oidc-factories");

describe("the provider's storage", () => {
  it("[6.4.3] keeps no token or code in the clear, and reports a consumed code as consumed", async () => {
    const customer = await testCustomer();
    const client = await testClient("AGENT");
    const { token, grantId } = await testAccessToken(customer.id, client.id, "products:read");
    const rows = await db.oidcArtifact.findMany({ where: { accountId: customer.id } });
    expect(rows.map((row) => row.kind).toSorted()).toEqual(["AccessToken", "Grant"]);
    // The token is the secret; a grant id is only a reference (tokens name it; it opens nothing).
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((row) => row.key)).not.toContain(token);

    const provider = await getOidcProvider();
    const found = await provider.AccessToken.find(token);
    expect(found?.accountId).toBe(customer.id);
    const code = new provider.AuthorizationCode({
      accountId: customer.id,
      client: (await provider.Client.find(client.id))!,
      grantId,
      scope: "openid",
      redirectUri: "http://localhost:4999/callback",
      gty: "authorization_code",
    });
    const value = await code.save();
    const found1 = (await provider.AuthorizationCode.find(value))!;
    const found2 = (await provider.AuthorizationCode.find(value))!;
    await found1.consume();
    // Two requests racing with one code: the second consume fails.
    await expect(found2.consume()).rejects.toMatchObject({ error: "invalid_grant" });
    expect((await provider.AuthorizationCode.find(value)) as unknown as { consumed?: number }).toMatchObject({
      consumed: expect.any(Number),
    });
  });
});

describe("clients", () => {
  it("keeps the secret as a keyed hash, checks URLs and scopes per kind, and hides a disabled client", async () => {
    const admin = await db.user.create({ data: { email: `a-${crypto.randomUUID()}@test.example`, role: "ADMIN" } });
    const bad = ZClientSchema.safeParse({
      name: "x",
      kind: "WEB",
      redirectUris: "http://example.com/cb",
      scopes: ["staff:products:read"],
      rateLimitPerMinute: 60,
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    expect(messages).toEqual(expect.arrayContaining(["redirectUris:apps.urlInvalid", "scopes:apps.scopeNotForKind"]));

    const input = ZClientSchema.parse({
      name: "Brand shop",
      kind: "WEB",
      redirectUris: "https://shop.example/cb\nhttp://localhost:4001/cb",
      scopes: ["openid", "profile", "products:read"],
      firstParty: true,
      rateLimitPerMinute: 60,
    });
    const { id, secret } = await saveClient(admin.id, input);
    const row = await db.oidcClient.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(hashClientSecret(secret!));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.redirectUris).toEqual(["https://shop.example/cb", "http://localhost:4001/cb"]);
    const metadata = await clientMetadata(id);
    expect(metadata).toMatchObject({ grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] });
    const provider = await getOidcProvider();
    const client = (await provider.Client.find(id))!;
    expect(await client.compareClientSecret(secret!)).toBe(true);
    expect(await client.compareClientSecret(`${secret}x`)).toBe(false);
    await db.oidcClient.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await clientMetadata(id)).toBeUndefined();
  });
});

describe("Connected apps", () => {
  it("lists the customer's grants with their scopes and ends one at once, never another customer's", async () => {
    const [customer, other] = await Promise.all([testCustomer(), testCustomer()]);
    const client = await testClient("AGENT");
    const { token } = await testAccessToken(customer.id, client.id, "products:read repairs:write");
    const apps = await listConnectedApps(customer.id);
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ clientId: client.id, kind: "AGENT", scopes: ["products:read", "repairs:write"] });
    expect(await listConnectedApps(other.id)).toEqual([]);
    await expect(revokeConnectedApp(other.id, apps[0]!.key)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeConnectedApp(customer.id, apps[0]!.key);
    expect(await listConnectedApps(customer.id)).toEqual([]);
    const provider = await getOidcProvider();
    expect(await provider.AccessToken.find(token)).toBeUndefined();
  });
});

describe("signing keys", () => {
  it("publishes a new key at once and signs with it only after the activation time", async () => {
    const before = await loadSigningKeys();
    const kid = await rotateSigningKey();
    const now = await loadSigningKeys();
    expect(now.keys.map((key) => key.kid)).toContain(kid);
    expect(now.keys[0]!.kid).toBe(before.keys[0]!.kid);
    const later = await loadSigningKeys(new Date(Date.now() + KEY_ACTIVATION_MS + 1000));
    expect(later.keys[0]!.kid).toBe(kid);
    expect(later.keys.map((key) => key.kid)).toContain(before.keys[0]!.kid);
    expect(JSON.stringify(await db.oidcSigningKey.findMany())).not.toContain('"d":');
  });
});
