import "server-only";
import { getBoss } from "./boss";
import { sealEmailJob, type EmailInput } from "./email";
import { EMAIL_QUEUE } from "./queues";
import { ensureQueue, localWorkerId } from "./worker";

/**
 * Send an email from a job: the request only writes the job (one insert), so how long it takes
 * does not depend on SMTP or on what the email says (conventions: Work that can wait).
 * Returns the job id.
 */
export async function enqueueEmail(input: EmailInput): Promise<string> {
  const boss = await getBoss();
  await ensureQueue(boss, EMAIL_QUEUE);
  const id = await boss.send(EMAIL_QUEUE.name, sealEmailJob(input));
  if (!id) throw new Error("email job was not created");
  // A worker in this process picks the job up now instead of at its next poll.
  const worker = localWorkerId(EMAIL_QUEUE.name);
  if (worker) boss.notifyWorker(worker);
  return id;
}
