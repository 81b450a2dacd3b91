import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { requestEmailChange } = await import("./email-change");
const { requestPasswordReset } = await import("@/lib/auth/email-flows");
const { THROTTLE_RULES } = await import("@/lib/auth/throttle-policy");
const { startJobWorkers, stopJobWorkers } = await import("@/lib/jobs/worker");
const { waitFor } = await import("@/lib/jobs/wait-for");

const { getBoss } = await import("@/lib/jobs/boss");

// The job schema exists once the runner has started (the worker starts later, to see jobs wait).
beforeAll(() => getBoss());
afterAll(() => stopJobWorkers());

const T0 = new Date("2026-11-21T09:00:00Z");

async function makeUser(locale = "en") {
  return db.user.create({
    data: { email: `owner-${randomUUID()}@test.example`, emailVerified: T0, locale },
    select: { id: true, email: true, locale: true },
  });
}

async function emailJobs(): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'email.send'`;
  return Number(rows[0]!.n);
}

describe("email change request", () => {
  it("[2.4.1] a free and a taken address take the same path and get the same answer; the mail goes out as a job", async () => {
    const taken = await makeUser("ja");
    const free = `new-${randomUUID()}@test.example`;
    const results = [];
    for (const target of [free, taken.email]) {
      const user = await makeUser();
      const jobsBefore = await emailJobs();
      const answer = await requestEmailChange(user, target.toUpperCase());
      // One token, one job, nothing sent during the request itself.
      results.push({
        answer,
        tokens: await db.authToken.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } }),
        jobs: (await emailJobs()) - jobsBefore,
        mailedNow: await db.outboxEmail.count({ where: { to: target } }),
      });
    }
    expect(results[0]).toEqual({ answer: undefined, tokens: 1, jobs: 1, mailedNow: 0 });
    expect(results[1]).toEqual(results[0]);

    await startJobWorkers();
    const link = await waitFor(() => db.outboxEmail.findFirst({ where: { to: free } }));
    expect(link).toMatchObject({ template: "emailChange" });
    expect(link.text).toContain("/en/account/confirm-email?token=");
    // The taken address hears that someone tried, with no link, in its own account's language.
    const note = await waitFor(() => db.outboxEmail.findFirst({ where: { to: taken.email } }));
    expect(note).toMatchObject({ template: "emailChangeTaken" });
    expect(note.text).not.toContain("confirm-email");
    expect(note.text).toContain("/ja/signin");
  });

  it("[2.4.1] is throttled per address asked for and per requesting account, like the other email flows", async () => {
    const rule = THROTTLE_RULES.emailRequest;
    const at = (seconds: number) => new Date(Date.now() + seconds * 1000);
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof AppError ? error.code : "other"),
      );

    // One account asking for many different addresses: the free requests, then one that starts
    // the delay, then refusals.
    const user = await makeUser();
    for (let i = 0; i <= rule.freeAttempts; i++) {
      expect(await refused(requestEmailChange(user, `spray-${i}-${randomUUID()}@test.example`, at(i)))).toBeNull();
    }
    expect(await refused(requestEmailChange(user, `spray-x-${randomUUID()}@test.example`, at(10)))).toBe("RATE_LIMITED");

    // Many accounts asking for one address.
    const target = `target-${randomUUID()}@test.example`;
    for (let i = 0; i <= rule.freeAttempts; i++) {
      expect(await refused(requestEmailChange(await makeUser(), target, at(i)))).toBeNull();
    }
    expect(await refused(requestEmailChange(await makeUser(), target, at(10)))).toBe("RATE_LIMITED");
    // Those requests did not use up the owner of that address's own allowance: their reset still goes.
    expect(await refused(requestPasswordReset({ email: target, locale: "ja" }, at(10)))).toBeNull();
    // After the delay the address may be asked for again.
    expect(await refused(requestEmailChange(await makeUser(), target, at(5 + rule.baseDelayMs / 1000 + 1)))).toBeNull();
  });
});
