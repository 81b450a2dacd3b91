import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase, dropDatabasesStartingWith, startTestServer } from "./test-database.ts";

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
    await dropDatabasesStartingWith(server.adminUrl, `${template}_w`);
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
