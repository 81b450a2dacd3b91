/**
 * The bare argon2id limit for the load harness: verifies per second of one stored hash with the
 * portal's parameters (lib/auth/password.ts), `concurrency` at a time, for `seconds`, in this
 * process alone. Sends `{ rate }` to the parent.
 */
import { verify } from "@node-rs/argon2";
import { hashPassword } from "../../lib/auth/password.ts";

const [seconds = 5, concurrency = 20] = process.argv.slice(2).map(Number);
const stored = await hashPassword("bench-password-2026");
for (let i = 0; i < 20; i++) await verify(stored, "bench-password-2026"); // warm-up

let done = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      if (!(await verify(stored, "bench-password-2026"))) throw new Error("verify failed");
      done++;
    }
  }),
);
const rate = done / ((performance.now() - started) / 1000);
process.send?.({ rate });
process.exit(0);
