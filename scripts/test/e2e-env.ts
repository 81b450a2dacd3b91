/**
 * Settings the end-to-end server and the scripts that prepare its database must agree on.
 * Test-only values; never used by a real start.
 */
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";
