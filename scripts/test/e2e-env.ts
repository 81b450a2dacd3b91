/**
 * Settings the end-to-end server and the scripts that prepare its database must agree on.
 * Test-only values; never used by a real start.
 */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";

/** The app's port; the helper servers sit just above it, so two checkouts can run e2e side by side. */
export const E2E_APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SMTP_PORT = E2E_APP_PORT + 25;
export const E2E_MAIL_API_PORT = E2E_APP_PORT + 26;
export const E2E_OIDC_PORT = E2E_APP_PORT + 27;

/**
 * Ports of the servers single specs start, as offsets from the app's port, in one table so that
 * two specs running side by side never ask for the same one (brand-identity's demo site and
 * hardening's second server once both took +40). A spec that starts one server per Playwright
 * worker adds its `parallelIndex` (the config runs 2 workers).
 */
export const E2E_SPEC_PORTS = {
  demoSite: E2E_APP_PORT + 40, // + parallelIndex (40, 41)
  hardeningApp: E2E_APP_PORT + 45,
  hardeningRelay: E2E_APP_PORT + 46,
  chatLiveA: E2E_APP_PORT + 50,
  chatLiveB: E2E_APP_PORT + 51,
  balancer: E2E_APP_PORT + 60,
  scaleOutA: E2E_APP_PORT + 61,
  scaleOutB: E2E_APP_PORT + 62,
  faultsApp: E2E_APP_PORT + 70,
  faultsDatabase: E2E_APP_PORT + 71,
} as const;

/** Clients registered at the local OpenID provider (scripts/test/oidc-provider.ts). */
export const E2E_OIDC_CLIENTS = {
  oidc: { id: "portal-oidc", secret: "e2e-oidc-client-secret-0123456789abcdef" },
  line: { id: "portal-line", secret: "e2e-line-channel-secret-0123456789abcdef" },
  google: { id: "portal-google", secret: "e2e-google-client-secret-0123456789abcdef" },
} as const;
