/**
 * The only place that reads process.env (conventions: One environment parser). Parsed once with zod; a bad or missing
 * variable fails at start-up with a message that names it (the start script checks it even
 * before building, with the same schema).
 */
import { parseEnv, type TEnv } from "./env-schema";

export { parseEnv, type TEnv };

// `next build` imports server modules to collect pages but serves no request, so the build does
// not need the run-time secrets; placeholders let it run in CI and in Docker builds.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";
export const env: TEnv = parseEnv(
  isBuild
    ? {
        DATABASE_URL: "postgresql://build@localhost/build",
        AUTH_SECRET: "build-time-placeholder-secret-not-used-at-run-time",
        AUTH_URL: "http://localhost:3000",
        ...process.env,
      }
    : process.env,
);
