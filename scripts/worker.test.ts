import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { enqueueEmail } = await import("@/lib/jobs/enqueue");
const { EMAIL_QUEUE } = await import("@/lib/jobs/queues");
const { waitFor } = await import("@/lib/jobs/wait-for");
const { localWorkerId, runJobWorkersInThisServer, stopJobWorkers } = await import("@/lib/jobs/worker");

afterAll(() => stopJobWorkers());

const ROOT = path.resolve(import.meta.dirname, "..");

describe("worker as its own process", () => {
  it("with JOB_WORKERS=off an app server works no queue; `npm run worker` sends the mail it enqueued, and stops on SIGTERM", async () => {
    const setting = env.JOB_WORKERS;
    const listeners = process.listeners("SIGTERM");
    env.JOB_WORKERS = "off";
    try {
      await runJobWorkersInThisServer();
    } finally {
      env.JOB_WORKERS = setting;
      // The server's stop-on-signal hooks are not this test process's business.
      for (const signal of ["SIGTERM", "SIGINT"] as const) {
        for (const listener of process.listeners(signal)) if (!listeners.includes(listener)) process.off(signal, listener);
      }
    }
    expect(localWorkerId(EMAIL_QUEUE.name)).toBeUndefined();

    const to = `worker-${randomUUID()}@test.example`;
    await enqueueEmail({ to, locale: "ja", template: { name: "passwordChanged" } });
    // Nothing in this process works the queue: only the worker process can send it.
    // The command of `npm run worker`, run directly so that SIGTERM reaches it rather than npm.
    const [node, ...args] = (
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { worker: string } }
    ).scripts.worker.split(" ");
    expect(node).toBe("node");
    const worker = spawn(process.execPath, args, {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
    try {
      const mail = await waitFor(() => db.outboxEmail.findFirst({ where: { to } }), 30_000, 200);
      expect(mail).toMatchObject({ template: "passwordChanged", subject: "パスワードが変更されました" });
    } finally {
      worker.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
