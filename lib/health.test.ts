import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";

describe("checkHealth", () => {
  it("reports ok when the database answers", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok", database: "ok" });
  });
});
