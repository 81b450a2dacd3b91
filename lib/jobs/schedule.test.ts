import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { QueueDefinition } from "./queues";

const { db } = await import("@/lib/db");
const { getBoss } = await import("./boss");
const { deadLetterQueueName, EMAIL_QUEUE, QUEUES } = await import("./queues");
const { startJobWorkers, stopJobWorkers } = await import("./worker");
const { waitFor } = await import("./wait-for");

// Queues made by these tests lose their schedule and waiting jobs, so nothing is left for other tests to wait on.
const made: string[] = [];
afterAll(async () => {
  const boss = await getBoss();
  for (const name of made) {
    await boss.unschedule(name);
    await boss.purgeQueue(name);
  }
  await stopJobWorkers();
});

function testQueue<T extends object | undefined>(definition: Omit<QueueDefinition<T>, "name">): QueueDefinition<T> {
  const name = `test.${randomUUID()}`;
  made.push(name);
  if (definition.deadLetter) made.push(deadLetterQueueName({ name }));
  return { name, ...definition };
}

describe("scheduled jobs and dead letters", () => {
  it("a queue that declares a cron schedule is registered with pg-boss, and its handler runs without data", async () => {
    const runs: unknown[] = [];
    // What the SLA check will look like: a schedule in the business time zone and a handler that takes no data.
    const queue = testQueue<undefined>({
      options: { retryLimit: 1 },
      schedule: { cron: "*/5 * * * *", tz: "Asia/Tokyo" },
      handle: async (data) => void runs.push(data),
    });
    await startJobWorkers([queue as QueueDefinition<never>]);
    const boss = await getBoss();
    expect((await boss.getSchedules()).find((schedule) => schedule.name === queue.name)).toMatchObject({
      cron: "*/5 * * * *",
      timezone: "Asia/Tokyo",
    });
    // A cron tick is a job with no data on the queue (pg-boss sends it at most once a minute): send one now.
    await boss.send(queue.name, null as unknown as object);
    await waitFor(async () => runs.length > 0);
    expect(runs).toEqual([undefined]);
  });

  it("a job that used up its retries moves to the dead-letter queue, and its death is logged and audited", async () => {
    const queue = testQueue<{ n: number }>({
      options: { retryLimit: 1, retryDelay: 0 },
      deadLetter: true,
      handle: async () => {
        throw new Error("the mail server said no");
      },
    });
    await startJobWorkers([queue as QueueDefinition<never>]);
    const boss = await getBoss();
    const id = (await boss.send(queue.name, { n: 1 }))!;
    const event = await waitFor(() =>
      db.auditEvent.findFirst({ where: { action: "job.dead", details: { path: ["queue"], equals: queue.name } } }),
    );
    expect(event).toMatchObject({
      outcome: "FAILURE",
      targetType: "Job",
      details: { queue: queue.name, error: "the mail server said no" },
    });
    const [original] = await db.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text AS state, retry_count FROM pgboss.job WHERE id = ${id}::uuid`;
    expect(original).toEqual({ state: "failed", retry_count: 1 });
    const dead = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${deadLetterQueueName(queue)}`;
    expect(dead[0]!.n).toBe(1);
  });

  it("every queue of the table has a dead-letter queue, and the email queue keeps its retries", async () => {
    await startJobWorkers();
    const boss = await getBoss();
    for (const queue of QUEUES) {
      expect(await boss.getQueue(queue.name)).toMatchObject({ deadLetter: deadLetterQueueName(queue) });
    }
    expect(await boss.getQueue(EMAIL_QUEUE.name)).toMatchObject({ retryLimit: 8, retryBackoff: true });
  });
});
