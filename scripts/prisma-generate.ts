/**
 * `prisma generate` offline. Prisma 7's CLI downloads the native schema engine before any command,
 * even though generating the client does not use it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
 * existing file skips that download (see docs/decisions/0001-offline-prisma.md). Migrations use the
 * WASM engine instead (scripts/db.ts).
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
