import "server-only";
import { openSecret, sealSecret } from "@/lib/auth/sealed-secrets";
import { sendEmail } from "@/lib/email/send";

/**
 * Email as a job. The payload holds the recipient and often a single-use link, so it is stored
 * sealed (AES-GCM under AUTH_SECRET) in pg-boss's table: a copy of the job table gives away neither
 * addresses nor tokens (ASVS 6.4.3 keeps tokens out of the database in the clear).
 */
export type EmailInput = Parameters<typeof sendEmail>[0];
export type EmailJob = { sealed: string };

export function sealEmailJob(input: EmailInput): EmailJob {
  return { sealed: sealSecret(JSON.stringify(input)) };
}

export async function handleEmailJob(job: EmailJob): Promise<void> {
  await sendEmail(JSON.parse(openSecret(job.sealed)) as EmailInput);
}
