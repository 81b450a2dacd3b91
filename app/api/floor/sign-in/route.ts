import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ZSignInSchema } from "@/lib/auth/schemas";
import { getPathname } from "@/lib/i18n/navigation";
import { defineRoute, readJson } from "@/lib/route";

export const dynamic = "force-dynamic";

/** The password the floor accepts: the harness's data sets' (scripts/bench/data-set.ts BENCH_PASSWORD). */
const FLOOR_PASSWORD = "bench-password-2026";

// Hashed once per process with the portal's parameters; each request then verifies, as a sign-in does.
let floorHash: Promise<string> | null = null;

/**
 * The load harness's sign-in floor (`npm run bench`, issue 17, decision 0015): the same route
 * handler wrapper, JSON body and one argon2id verify as `POST /api/sign-in`, and nothing else (no
 * database). Sign-in's distance from it is the portal's own work (throttle, account, session,
 * audit); its distance from the bare verify rate is the framework's. Answers only with
 * BENCH_FLOOR_PAGES=on, which the env parser allows only on localhost; elsewhere it does not exist.
 */
export const POST = defineRoute({ public: true }, async (request) => {
  if (env.BENCH_FLOOR_PAGES !== "on") throw new AppError("NOT_FOUND");
  const input = await readJson(request, ZSignInSchema);
  floorHash ??= hashPassword(FLOOR_PASSWORD).catch((error: unknown) => {
    floorHash = null;
    throw error;
  });
  if (!(await verifyPassword(await floorHash, input.password))) throw new AppError("UNAUTHENTICATED", { messageKey: "signIn.failed" });
  return Response.json({ next: getPathname({ href: "/mypage", locale: "ja" }) }, { headers: { "Cache-Control": "no-store" } });
});
