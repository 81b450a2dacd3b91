import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

const valid = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/portal",
  AUTH_SECRET: "x".repeat(40),
  AUTH_URL: "http://localhost:3000",
};

describe("parseEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.SESSION_IDLE_MINUTES_STAFF).toBe(30);
    expect(env.SESSION_IDLE_MINUTES_CUSTOMER).toBe(14 * 24 * 60);
    expect(env.DEMO_MODE).toBe(false);
  });

  it("names each missing or bad variable", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: undefined })).toThrow(/DATABASE_URL: is required/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ ...valid, AUTH_URL: "not a url" })).toThrow(/AUTH_URL/);
    expect(() => parseEnv({ ...valid, LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("[3.3.1] refuses a plain-http AUTH_URL in production except on localhost", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", AUTH_URL: "http://portal.example.jp" })).toThrow(/AUTH_URL: must use https/);
    expect(parseEnv({ ...valid, NODE_ENV: "production", AUTH_URL: "https://portal.example.jp" }).AUTH_URL).toBe(
      "https://portal.example.jp",
    );
    expect(parseEnv({ ...valid, NODE_ENV: "production", AUTH_URL: "http://localhost:3000" }).AUTH_URL).toBe("http://localhost:3000");
  });

  it("refuses demo mode anywhere but localhost", () => {
    expect(() => parseEnv({ ...valid, DEMO_MODE: "true", AUTH_URL: "https://portal.example.jp" })).toThrow(
      /DEMO_MODE: is for localhost only/,
    );
    expect(parseEnv({ ...valid, DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
  });

  it("refuses the load harness's floors anywhere but localhost", () => {
    expect(() => parseEnv({ ...valid, BENCH_FLOOR_PAGES: "on", AUTH_URL: "https://portal.example.jp" })).toThrow(
      /BENCH_FLOOR_PAGES: is for localhost only/,
    );
    expect(parseEnv({ ...valid, BENCH_FLOOR_PAGES: "on" }).BENCH_FLOOR_PAGES).toBe("on");
  });
});
