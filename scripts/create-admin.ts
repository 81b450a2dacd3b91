/**
 * Creates the first administrator of a production installation (which has no default account):
 *   npm run create-admin -- --email you@example.com --name "Your Name"
 * The password is read from the ADMIN_PASSWORD variable or asked for on the terminal (not echoed).
 */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { resolveDatabase } from "./lib/database-url.ts";
import { applyMigrations } from "./lib/schema-engine.ts";

async function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => {}; // do not echo the password
  const answer = await rl.question("");
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error('Usage: npm run create-admin -- --email you@example.com [--name "Your Name"]');
    return 2;
  }
  const password = process.env.ADMIN_PASSWORD ?? (await askHidden("Password (15+ characters): "));
  if (password.length < 15) {
    console.error("The password must have at least 15 characters.");
    return 2;
  }
  const database = await resolveDatabase();
  try {
    await applyMigrations(database.url);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      if (await db.user.findUnique({ where: { email } })) {
        console.error(`An account with ${email} already exists; nothing changed.`);
        return 1;
      }
      const user = await db.user.create({
        data: { email, name: values.name ?? null, role: "ADMIN", passwordHash: await hashPassword(password), emailVerified: new Date() },
      });
      await db.auditEvent.create({
        data: { action: "admin.created", outcome: "SUCCESS", targetType: "User", targetId: user.id, details: { via: "create-admin" } },
      });
      console.log(`Administrator ${email} created. Sign in at /signin.`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
