import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase, startTestServer } from "./test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string };
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = `portal_unit_${process.pid}`;
  await createMigratedDatabase(server.adminUrl, template);
  project.provide("testDatabase", { adminUrl: server.adminUrl, template });

  return async () => {
    const workers = Number(process.env.VITEST_MAX_WORKERS ?? 8);
    for (let id = 0; id <= Math.max(workers, 16); id++) await dropDatabase(server.adminUrl, `${template}_w${id}`);
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
