import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "scripts/test/empty-module.ts"),
    },
  },
  test: {
    // next-auth and next-intl import "next/server" without an extension, which Node's ESM loader refuses;
    // inlined, Vite resolves it as Next's bundler would.
    server: { deps: { inline: ["next-auth", "@auth/core", "next-intl"] } },
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    globalSetup: ["scripts/test/vitest-global-setup.ts"],
    setupFiles: ["scripts/test/vitest-worker-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
