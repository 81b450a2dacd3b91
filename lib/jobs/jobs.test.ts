import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { enqueueEmail } = await import("./enqueue");
const { EMAIL_QUEUE } = await import("./queues");
const { startJobWorkers, stopJobWorkers } = await import("./worker");
const { waitFor } = await import("./wait-for");

afterAll(() => stopJobWorkers());

type JobRow = { state: string; data: { sealed?: string }; retry_limit: number; retry_backoff: boolean };

async function job(id: string): Promise<JobRow | undefined> {
  const rows = await db.$queryRaw<
    JobRow[]
  >`SELECT state::text AS state, data, retry_limit, retry_backoff FROM pgboss.job WHERE id = ${id}::uuid`;
  return rows[0];
}

describe("job runner (pg-boss)", () => {
  it("enqueueEmail stores a sealed job with retries and backoff; the worker delivers it through lib/email", async () => {
    const to = `job-${randomUUID()}@test.example`;
    const id = await enqueueEmail({ to, locale: "en", template: { name: "passwordChanged" } });
    const stored = await job(id);
    expect(stored).toMatchObject({ retry_limit: EMAIL_QUEUE.options.retryLimit, retry_backoff: true });
    // Neither the address nor anything else readable sits in the job table.
    expect(JSON.stringify(stored!.data)).not.toContain(to);
    expect(stored!.data.sealed).toMatch(/^v1\./);

    await startJobWorkers();
    const mail = await waitFor(() => db.outboxEmail.findFirst({ where: { to } }));
    expect(mail).toMatchObject({ template: "passwordChanged", subject: "Your password was changed" });
    await waitFor(async () => (await job(id))?.state === "completed");
  });

  it("a job whose handler fails is kept for a retry, not lost", async () => {
    await startJobWorkers();
    const { getBoss } = await import("./boss");
    const boss = await getBoss();
    // A payload that cannot be opened (not sealed with this secret) makes the handler throw.
    const id = (await boss.send(EMAIL_QUEUE.name, { sealed: "v1.bad.bad.bad" }))!;
    await waitFor(async () => (await job(id))?.state === "retry");
  });
});
