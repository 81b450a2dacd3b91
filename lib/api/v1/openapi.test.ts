import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../../app/api/v1");

describe("the OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const document = openApiDocument("http://localhost:3000");
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("names every endpoint of the table, with its scopes, and the problem answers", () => {
    const document = openApiDocument("http://localhost:3000");
    for (const endpoint of Object.values(ENDPOINTS)) {
      const operation = document.paths?.[endpoint.path]?.[endpoint.method];
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(operation!.security).toEqual([{ portal: [...endpoint.scopes] }]);
      expect(Object.keys(operation!.responses ?? {})).toEqual(expect.arrayContaining(["401", "403", "404", "422", "429"]));
    }
  });

  it("has a route file exporting each endpoint's method, and no route outside the table", () => {
    const routes = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts" && !file.startsWith("openapi.json") && !file.startsWith("docs"))
      .map((file) => `/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"));
    const listed = [...new Set(Object.values(ENDPOINTS).map((endpoint) => endpoint.path))];
    expect(routes.toSorted()).toEqual(listed.toSorted());
  });
});
