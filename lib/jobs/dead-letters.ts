import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { logger } from "@/lib/log";

/**
 * A job that used up its retries lands in its queue's dead-letter queue (`<name>.dead`, pg-boss
 * `deadLetter`). Working that queue only records the death: an error log line for operators'
 * alerts and an audit event. The payload is not logged (email payloads hold addresses and links,
 * sealed); it stays in pg-boss's table until its retention ends, for someone to look into.
 */
export async function recordDeadJob(queueName: string, job: { id: string; output?: unknown }): Promise<void> {
  const error = lastError(job.output);
  logger.error({ queue: queueName, deadJobId: job.id, error }, "job died after its retries");
  await recordAudit({
    action: "job.dead",
    outcome: "FAILURE",
    actorLabel: "job worker",
    targetType: "Job",
    targetId: job.id,
    details: { queue: queueName, ...(error ? { error } : {}) },
  });
}

/** pg-boss keeps the last failure as the job's output: its message only, shortened. */
function lastError(output: unknown): string | undefined {
  const message = (output as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message.slice(0, 300) : undefined;
}
