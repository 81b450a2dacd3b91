/**
 * Fuzzing (issue 17, "Speed, scale and faults"): every server action, every REST API v1 endpoint
 * and every defineRoute route handler is called with inputs generated from its own schema, mostly
 * valid so the handler really runs, plus hostile ones (NUL and control characters, 100k strings,
 * bidi and zero-width characters, lone surrogates, SQL and HTML fragments, wrong types,
 * prototype-pollution keys; scripts/test/zod-arbitrary.ts). Whatever comes in:
 *
 * - no answer is a 500 (an action's INTERNAL), and no promise is left rejected unhandled;
 * - no error is logged on the way (a failed audit write is logged, not thrown);
 * - a refused input writes nothing: no table is written during the call (scripts/test/write-log.ts).
 *   Refused by an action's schema, a route's parsing or the API's: nothing at all. Refused by a
 *   handler (not found, a conflict, a wrong code): nothing but the attempt's own record
 *   (isAttemptRecord). The API writes its rate window and audit entry on every call by design.
 *
 * Actions and route handlers are found on disk, so a new one is fuzzed without a line here. The
 * seed is fixed (a run is reproducible and CI stays deterministic) and printed; explore with
 * FUZZ_SEED=<n> (or "random") and FUZZ_RUNS=<inputs per target>; FUZZ_STATS=1 prints how each
 * target answered (how many inputs got past validation).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/scripts/test/intl")).nextIntlServer);
// Outside Next there is no cache to revalidate (revalidatePath would throw after the handler's work).
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
// after() needs Next's request scope: here the task runs at once and the test waits for it.
const afterTasks: Promise<unknown>[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) => {
    afterTasks.push(Promise.resolve().then(typeof task === "function" ? task : () => task));
  },
}));

const { actionConfigs } = await import("@/lib/action");
const { routeConfigs } = await import("@/lib/route");
const { ENDPOINTS } = await import("@/lib/api/v1/endpoints");
type Endpoint = import("@/lib/api/v1/endpoints").Endpoint;
const { ZPostMessageSchema, ZSeenSchema } = await import("@/lib/chat/schemas");
const { ZSignInSchema } = await import("@/lib/auth/schemas");
const { env } = await import("@/lib/env");
const { badCharactersIn } = await import("@/lib/validation/text");
const { logger } = await import("@/lib/log");
const { getBoss } = await import("@/lib/jobs/boss");
const { stopJobWorkers } = await import("@/lib/jobs/worker");
const { getOidcProvider } = await import("@/lib/oidc/provider");
const { openWriteLog } = await import("@/scripts/test/write-log");
const { testAccessToken, testClient, testServiceToken } = await import("@/scripts/test/oidc-factories");
const { customerWithRepairs } = await import("@/scripts/test/repair-factories");
const world = await import("@/scripts/test/fuzz-world");
type Principal = import("@/scripts/test/fuzz-world").Principal;
type Permission = import("@/lib/auth/permissions").Permission;
const { fuzzInput, HOSTILE_STRINGS, AWKWARD_TEXT } = await import("@/scripts/test/zod-arbitrary");

// eslint-disable-next-line no-restricted-properties -- the fuzzer's own knobs, read only by this test
const { FUZZ_SEED, FUZZ_RUNS, FUZZ_STATS } = process.env;
const SEED = FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(FUZZ_SEED ?? 17);
const RUNS = Number(FUZZ_RUNS ?? 24);
/** A target's inputs run one after another: more of them need more time (an export reads the whole audit log each time). */
const TARGET_TIMEOUT = Math.max(20_000, RUNS * 1_000);
console.info(`fuzz: seed ${SEED}, ${RUNS} inputs per target (FUZZ_SEED=${SEED} reproduces this run)`);

/** A target's own seed: adding a target does not change the inputs of the others. */
function seedOf(name: string): number {
  let hash = SEED;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

// --- What the run watches: rejections nobody handled, errors the app logged, the database. ---

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const logged: unknown[] = [];
const captureError = ((object: unknown) => void logged.push(object)) as typeof logger.error;
const child = logger.child.bind(logger);
vi.spyOn(logger, "error").mockImplementation(captureError);
vi.spyOn(logger, "child").mockImplementation((...args: Parameters<typeof logger.child>) =>
  Object.assign(child(...args), { error: captureError }),
);

let writeLog: Awaited<ReturnType<typeof openWriteLog>>;
let ids = new Map<string, string[]>();
let idsFile = "";

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  // No job workers here (an earlier test file in this process may have left some running): a job
  // a call queued must not run and write later, inside another call's check. pg-boss makes its
  // tables on first use: made now, so the write log covers its job table.
  await stopJobWorkers();
  await getBoss();
  await world.principalFor("CUSTOMER");
  // The OpenID provider makes its first signing key on first use: made now, not inside a checked call.
  await getOidcProvider();
  ids = await world.recordIds();
  writeLog = await openWriteLog(env.DATABASE_URL);
});

/** How each target answered, by outcome (FUZZ_STATS=1 prints it). */
const stats = new Map<string, Map<string, number>>();
function tally(target: string, outcome: string): void {
  const counts = stats.get(target) ?? new Map<string, number>();
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  stats.set(target, counts);
}

afterAll(async () => {
  if (FUZZ_STATS) {
    console.info(
      [...stats].map(([target, counts]) => `${target}: ${[...counts].map(([outcome, n]) => `${outcome} ${n}`).join(", ")}`).join("\n"),
    );
  }
  process.off("unhandledRejection", onUnhandled);
  await writeLog?.close();
  await stopJobWorkers();
});

/** Fields that name a user by another word. */
const USER_FIELDS = /^(user|customer|assignee|actor|createdBy|reviewer)$/;

/**
 * Generated `…Id` fields are a real record's id half the time: of the table the field's name ends
 * with (`ticketId` → RepairTicket, `proofFileId` → StoredFile, `customerId` → User), else of any.
 */
const idHint = (fieldPath: readonly string[]) => {
  const field = fieldPath.filter((part) => !/^\d+$/.test(part)).at(-1) ?? "";
  if (!/(^ids?$|Ids?$)/.test(field)) return undefined;
  const stem = field.replace(/Ids?$/, "");
  const word = (stem.match(/[A-Z]?[a-z]+$/)?.[0] ?? stem).toLowerCase();
  const tables = USER_FIELDS.test(stem) ? ["User"] : [...ids.keys()].filter((table) => word && table.toLowerCase().endsWith(word));
  const known = (tables.length > 0 ? tables : [...ids.keys()]).flatMap((table) => ids.get(table) ?? []);
  return known.length > 0 ? fc.constantFrom(...known) : undefined;
};

const show = (value: unknown) => {
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item)) ?? String(value);
    return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  } catch {
    return String(value);
  }
};

/** The same input once (an action without fields gets `{}` over and over). */
function distinct<T>(inputs: T[]): T[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    let key: string;
    try {
      key = `${typeof input}:${JSON.stringify(input, (_key, item: unknown) => (typeof item === "bigint" ? `${item}n` : item))}`;
    } catch {
      key = `${typeof input}:${String(input)}`;
    }
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Errors the app logged during a call, for the failure message. */
function loggedSince(mark: number): string {
  return logged
    .slice(mark)
    .map((entry) => {
      const error = (entry as { err?: unknown })?.err;
      return error instanceof Error ? `${error.name}: ${error.message}` : show(entry);
    })
    .join(" | ");
}

/** redirect() and notFound() end an action by throwing; Next turns them into a navigation. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

async function settle(): Promise<void> {
  await Promise.allSettled(afterTasks.splice(0));
  await new Promise((resolve) => setImmediate(resolve));
}

/** Checks after a target's inputs: nothing left rejected, no prototype polluted. */
async function afterTarget(failures: string[]): Promise<void> {
  await settle();
  for (const reason of unhandled.splice(0)) failures.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : show(reason)}`);
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")) {
    failures.push("Object.prototype was polluted");
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
}

/**
 * False once a target has used most of its time: it stops before the test times out, as calls still
 * running after a timeout would write inside the next target's checks.
 */
function deadline(name: string): () => boolean {
  const end = Date.now() + TARGET_TIMEOUT - 5_000;
  return () => {
    if (Date.now() < end) return true;
    console.warn(`fuzz: ${name} ran out of time; its remaining inputs are left out`);
    return false;
  };
}

function report(name: string, seed: number, failures: string[]): void {
  expect(failures, `${name} (FUZZ_SEED=${SEED}, target seed ${seed}):\n${failures.join("\n")}`).toEqual([]);
}

// --- Server actions -------------------------------------------------------------------------

/** Every module under lib/ and app/ that defines actions (found by their source, not by name). */
function sourceFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(root, file))
    .sort();
}
const ACTION_FILES = [...sourceFiles("lib"), ...sourceFiles("app")]
  .filter((file) => file !== path.join("lib", "action.ts") && readFileSync(file, "utf8").includes("defineAction("))
  .sort();

type Action = (input: unknown) => Promise<import("@/lib/action").ActionResult<unknown>>;
const actions: { name: string; action: Action; config: NonNullable<ReturnType<typeof actionConfigs.get>> }[] = [];
const unregistered: string[] = [];
for (const file of ACTION_FILES) {
  const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== "function") continue;
    const config = actionConfigs.get(value as Action);
    // Modules that define actions are "use server" modules: every function they export is an action.
    if (config) actions.push({ name: `${file} ${name}`, action: value as Action, config });
    else unregistered.push(`${file} ${name}`);
  }
}

describe("fuzz: server actions", () => {
  it("finds every action with its schema", () => {
    expect(unregistered, "functions exported beside actions that defineAction did not make").toEqual([]);
    expect(actions.length).toBeGreaterThan(100);
  });

  for (const { name, action, config } of actions) {
    it(
      name,
      async () => {
        const seed = seedOf(name);
        const failures: string[] = [];
        await world.refreshPrincipals();
        // Records the actions of earlier files made (a saved campaign, a started conversation) are found too.
        const file = name.split(" ")[0]!;
        if (file !== idsFile) [ids, idsFile] = [await world.recordIds(), file];
        const inputs = distinct(fc.sample(fuzzInput(config.schema, idHint), { seed, numRuns: RUNS }));
        const inTime = deadline(name);
        for (const [index, input] of inputs.entries()) {
          if (!inTime()) break;
          // Public actions: signed out and signed in by turns.
          const role = "permission" in config ? world.roleFor(config.permission) : index % 2 ? "CUSTOMER" : null;
          const failure = await callAction(name, action, config.schema, input, role);
          if (failure) failures.push(`input ${show(input)} as ${role ?? "signed out"}: ${failure}`);
        }
        await afterTarget(failures);
        report(name, seed, failures);
      },
      TARGET_TIMEOUT,
    );
  }
});

/**
 * What a handler may write when it refuses a well-formed input: a wrong password, code or token
 * counts as an attempt (LoginThrottle, against guessing: signing in, confirming a second factor,
 * accepting a transfer code) and is in the audit log as a failed or denied security event (ASVS
 * 16.3). A refusal by the schema never reaches a handler, so it may write nothing at all.
 */
function isAttemptRecord(label: string): boolean {
  return label === "LoginThrottle" || /^AuditEvent\[\S+ (FAILURE|DENIED)\]$/.test(label);
}

type Schema = NonNullable<ReturnType<typeof actionConfigs.get>>["schema"];

/** A string defineAction's last net refuses, however deep (it looks 8 levels down). */
function hasBadStrings(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return badCharactersIn(value) !== null;
  if (depth >= 8 || !value || typeof value !== "object") return false;
  return Object.values(value).some((item) => hasBadStrings(item, depth + 1));
}

async function callAction(
  name: string,
  action: Action,
  schema: Schema,
  input: unknown,
  role: Principal["role"] | null,
): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    const principal = role ? await world.principalFor(role) : null;
    world.actAs(principal);
    const since = await writeLog.mark();
    const mark = logged.length;
    let result: Awaited<ReturnType<Action>> | undefined;
    try {
      result = await action(input);
    } catch (error) {
      if (!isNavigation(error)) return `rejected: ${error instanceof Error ? error.stack : show(error)}`;
    }
    world.followCookie(principal);
    await settle();
    const code = result && !result.ok ? result.error.code : null;
    tally(name, result ? (code ?? "ok") : "navigation");
    // An earlier input signed the principal out, disabled or deleted it: once more with a new one.
    if (code === "UNAUTHENTICATED" && role && attempt === 0 && !(await world.isSignedIn(principal!))) {
      world.dropPrincipal(role);
      continue;
    }
    if (code === "INTERNAL") return `INTERNAL (logged: ${loggedSince(mark) || "nothing"})`;
    // An error logged on the way is a fault too (a failed audit write is logged, not thrown).
    if (logged.length > mark) return `${code ?? "ok"}, logged ${loggedSince(mark)}`;
    // Refused, whatever the reason (invalid, not found, a conflict, not allowed): nothing written.
    if (code) {
      const byHandler = schema.safeParse(input).success && !hasBadStrings(input);
      const written = (await writeLog.writtenSince(since)).filter((label) => !(byHandler && isAttemptRecord(label)));
      if (written.length > 0) return `refused (${code}, by ${byHandler ? "the handler" : "the schema"}) but wrote ${written.join(", ")}`;
    }
    return null;
  }
}

// --- REST API v1 ------------------------------------------------------------------------------

const CUSTOMER_SCOPES = "products:read warranty:read repairs:read repairs:write points:read points:redeem";
const STAFF_SCOPES = "staff:products:read staff:repairs:read staff:points:read";

/** Header values a client can send at all (HTTP refuses NUL, line breaks and non-Latin-1 before any handler). */
const HEADER_SAFE = HOSTILE_STRINGS.filter((text) => /^[\x20-\x7e\x80-\xff]*$/.test(text));

/** Bodies that are not JSON of the right shape, or not JSON at all. */
const RAW_BODIES = ["", "{", "[]", "null", '"text"', '{"a":', "\u0000", '{"__proto__":{"polluted":true}}', "x".repeat(200_000)];

/** A query's values as a URL would carry them. */
function searchOf(query: unknown): string {
  if (typeof query === "string") return query.startsWith("?") ? query : `?${query}`;
  if (!query || typeof query !== "object") return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, typeof item === "object" ? show(item) : String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A path segment as it appears in the URL (the handler gets it decoded, in `params`). */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "x"; // a lone surrogate cannot be encoded: no client can send it
  }
}

function withHeaders(init: Record<string, string | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(init)) {
    if (value === undefined) continue;
    try {
      headers.set(name, value);
    } catch {
      // Not a valid header value: it cannot arrive.
    }
  }
  return headers;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("fuzz: REST API v1", () => {
  let customerToken = "";
  let serviceToken = "";
  let ownIds: string[] = [];
  beforeAll(async () => {
    // A customer of the API's own (actions above may sign theirs out or delete it).
    const customer = await customerWithRepairs(2);
    const agent = await testClient("AGENT", { rateLimitPerMinute: 1_000_000 });
    customerToken = (await testAccessToken(customer.customer.id, agent.id, CUSTOMER_SCOPES)).token;
    const service = await testClient("SERVICE", { scopes: STAFF_SCOPES.split(" "), rateLimitPerMinute: 1_000_000 });
    serviceToken = await testServiceToken(service.id, STAFF_SCOPES);
    ownIds = [
      customer.customer.id,
      customer.symptom.id,
      ...customer.ownerships.map((row) => row.id),
      ...customer.tickets.map((row) => row.id),
    ];
  });

  /** The id fields of a body, and the path's id, are the customer's own records half the time. */
  const apiHint = (fieldPath: readonly string[]) => (/Id$/.test(fieldPath.at(-1) ?? "") ? fc.constantFrom(...ownIds) : undefined);

  for (const [name, endpoint] of Object.entries(ENDPOINTS) as [string, Endpoint][]) {
    const method = endpoint.method.toUpperCase();
    const file = path.join("app/api/v1", endpoint.path.replaceAll("{id}", "[id]"), "route.ts");
    it(
      `${method} ${endpoint.path}`,
      async () => {
        const seed = seedOf(name);
        const handler = ((await import(/* @vite-ignore */ path.resolve(file))) as Record<string, Handler>)[method]!;
        const requests = fc.sample(
          fc.record({
            id: fc.oneof(fc.constantFrom(...ownIds), fc.constantFrom(...HOSTILE_STRINGS), fc.string()),
            query: endpoint.query
              ? fc.oneof(
                  { weight: 4, arbitrary: fuzzInput(endpoint.query) },
                  { weight: 1, arbitrary: fc.constantFrom("?limit=1&limit=2", "?%00=1", "?cursor=%FF") },
                )
              : fc.option(
                  fc.dictionary(fc.constantFrom("limit", "cursor", "__proto__"), fc.constantFrom(...HOSTILE_STRINGS), { maxKeys: 2 }),
                ),
            body: endpoint.body
              ? fc.oneof(
                  { weight: 4, arbitrary: fuzzInput(endpoint.body, apiHint).map((value) => JSON.stringify(value) ?? "") },
                  { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
                )
              : fc.constant(undefined),
            idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constantFrom(...HEADER_SAFE))),
            language: fc.option(fc.constantFrom("en", "ja", "*", "xx-YY, en;q=0.1", "a".repeat(10_000), ...HEADER_SAFE)),
          }),
          { seed, numRuns: RUNS },
        );
        const failures: string[] = [];
        await world.refreshPrincipals();
        const inTime = deadline(`${method} ${endpoint.path}`);
        for (const input of requests) {
          if (!inTime()) break;
          const pathname = `/api/v1${endpoint.path.replace("{id}", segment(input.id))}`;
          const request = new Request(`http://localhost:3999${pathname}${searchOf(input.query)}`, {
            method,
            headers: withHeaders({
              authorization: `Bearer ${endpoint.audience === "staff" ? serviceToken : customerToken}`,
              "content-type": input.body === undefined ? undefined : "application/json",
              "idempotency-key": input.idempotencyKey ?? undefined,
              "accept-language": input.language ?? undefined,
            }),
            body: input.body,
          });
          const since = await writeLog.mark();
          const mark = logged.length;
          let response: Response;
          try {
            const params: Record<string, string> = endpoint.path.includes("{id}") ? { id: input.id } : {};
            response = await handler(request, { params: Promise.resolve(params) });
            await response.clone().arrayBuffer();
          } catch (error) {
            failures.push(`request ${show(input)}: rejected: ${error instanceof Error ? error.stack : show(error)}`);
            continue;
          }
          await settle();
          const { status } = response;
          tally(`${method} ${endpoint.path}`, String(status));
          if (status >= 500) failures.push(`request ${show(input)}: ${status} (logged: ${loggedSince(mark) || "nothing"})`);
          else if (logged.length > mark) failures.push(`request ${show(input)}: ${status}, logged ${loggedSince(mark)}`);
          else if (status >= 400 && !response.headers.get("content-type")?.includes("application/problem+json")) {
            failures.push(`request ${show(input)}: ${status} without problem details`);
          }
          // A refusal, and any read, writes nothing but what every call writes by design: the client's
          // rate window (lib/api/rate-limit.ts) and the call's audit entry (lib/api/route.ts).
          if (status >= 400 || method === "GET") {
            const written = (await writeLog.writtenSince(since)).filter(
              (label) => label !== "ApiRateWindow" && !label.startsWith("AuditEvent[api.call "),
            );
            if (written.length > 0) failures.push(`request ${show(input)}: ${status} but wrote ${written.join(", ")}`);
          }
        }
        await afterTarget(failures);
        report(`${method} ${endpoint.path}`, seed, failures);
      },
      TARGET_TIMEOUT,
    );
  }
});

// --- Route handlers (defineRoute) -------------------------------------------------------------

/** JSON bodies of route handlers, by file: the schema each passes to readJson. */
const ROUTE_BODIES: Record<string, Schema> = {
  "app/api/chat/conversations/[id]/messages/route.ts": ZPostMessageSchema,
  "app/api/chat/conversations/[id]/seen/route.ts": ZSeenSchema,
  "app/api/sign-in/route.ts": ZSignInSchema,
  "app/api/floor/sign-in/route.ts": ZSignInSchema,
};

/**
 * Route handlers left out: the chat event stream takes nothing but the session and stays open
 * until the browser leaves (its own tests drive it, lib/chat/stream.test.ts).
 */
const ROUTES_SKIPPED = new Set(["app/api/chat/events/route.ts GET"]);

/** Query parameters the route handlers read, and values they look for, beside hostile ones. */
const QUERY_KEYS = ["section", "from", "to", "locale", "q", "status", "after", "before", "variant", "purpose", "name", "page", "sort", "x"];
const QUERY_VALUES = [
  "months",
  "models",
  "recalls",
  "surveys",
  "thumb",
  "en",
  "ja",
  "proof_of_purchase",
  "chat_image",
  "repair_photo",
  "2026-01",
  "0",
  "-1",
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const routes: { name: string; file: string; method: string; handler: Handler; config: NonNullable<ReturnType<typeof routeConfigs.get>> }[] =
  [];
for (const file of sourceFiles(path.join("app", "api")).filter(
  (file) => file.endsWith("route.ts") && !file.includes(`${path.sep}v1${path.sep}`),
)) {
  const routeModule = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
  for (const method of METHODS) {
    const handler = routeModule[method] as Handler | undefined;
    const config = handler && routeConfigs.get(handler);
    // Not defineRoute (Auth.js's own handlers, the health check): no input of ours to fuzz.
    if (!handler || !config || ROUTES_SKIPPED.has(`${file} ${method}`)) continue;
    routes.push({ name: `${method} ${file}`, file, method, handler, config });
  }
}

describe("fuzz: route handlers", () => {
  it("finds the route handlers", () => expect(routes.length).toBeGreaterThan(10));

  for (const { name, file, method, handler, config } of routes) {
    const paramNames = [...file.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
    const bodySchema = ROUTE_BODIES[file];
    it(
      name,
      async () => {
        const seed = seedOf(name);
        const value = fc.oneof(
          fc.constantFrom(...HOSTILE_STRINGS),
          fc.constantFrom(...QUERY_VALUES),
          fc.constantFrom(...AWKWARD_TEXT),
          fc.string(),
        );
        const requests = fc.sample(
          fc.record({
            params: fc.record(
              Object.fromEntries(
                paramNames.map((param) => [
                  param,
                  fc.oneof(fc.constantFrom(...[...ids.values()].flat()), value, fc.stringMatching(/^[a-f0-9]{64}$/)),
                ]),
              ),
            ),
            query: fc.dictionary(fc.constantFrom(...QUERY_KEYS), value, { maxKeys: 4 }),
            body: bodySchema
              ? fc.oneof(
                  { weight: 4, arbitrary: fuzzInput(bodySchema, idHint).map((body) => JSON.stringify(body) ?? "") },
                  { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
                )
              : fc.oneof(
                  fc.constantFrom(...RAW_BODIES),
                  fc.uint8Array({ maxLength: 4096 }),
                  fc.constant("serial,model_code,manufactured_on\nAB0001,X,2026-01-01\n"),
                ),
            contentType: fc.constantFrom("application/json", "text/csv", "image/png", "application/octet-stream", undefined),
            locale: fc.option(fc.constantFrom(...HEADER_SAFE)),
          }),
          { seed, numRuns: RUNS },
        );
        const failures: string[] = [];
        await world.refreshPrincipals();
        const inTime = deadline(name);
        for (const [index, input] of requests.entries()) {
          if (!inTime()) break;
          const pathname = file
            .replace(/^app/, "")
            .replace(/\/route\.ts$/, "")
            .replace(/\[(\w+)\]/g, (_match, param: string) => segment(input.params[param] ?? ""));
          const request = new Request(`http://localhost:3999${pathname}${searchOf(input.query)}`, {
            method,
            headers: withHeaders({ "content-type": input.contentType, "x-portal-locale": input.locale ?? undefined }),
            body: method === "GET" ? undefined : input.body,
          });
          const role = "public" in config ? (index % 2 ? "CUSTOMER" : null) : world.roleFor(permissionOf(config.permission, request));
          const principal = role ? await world.principalFor(role) : null;
          world.actAs(principal);
          const since = await writeLog.mark();
          const mark = logged.length;
          let response: Response;
          try {
            response = await handler(request, { params: Promise.resolve(input.params) });
            await response.arrayBuffer();
          } catch (error) {
            failures.push(`request ${show(input)}: rejected: ${error instanceof Error ? error.stack : show(error)}`);
            continue;
          }
          await settle();
          tally(name, String(response.status));
          if (response.status === 401 && role) world.dropPrincipal(role);
          if (response.status >= 500)
            failures.push(`request ${show(input)}: ${response.status} (logged: ${loggedSince(mark) || "nothing"})`);
          else if (logged.length > mark) failures.push(`request ${show(input)}: ${response.status}, logged ${loggedSince(mark)}`);
          // 401: an earlier call signed the principal out, and reading its session ended it (by design).
          if (response.status >= 400 && response.status < 500 && response.status !== 401) {
            const written = (await writeLog.writtenSince(since)).filter((label) => !isAttemptRecord(label));
            if (written.length > 0) failures.push(`request ${show(input)}: ${response.status} but wrote ${written.join(", ")}`);
          }
        }
        await afterTarget(failures);
        report(name, seed, failures);
      },
      TARGET_TIMEOUT,
    );
  }
});

/** A route's permission may depend on the request (an upload's purpose): a bad one falls back to a customer's. */
function permissionOf(permission: Permission | ((request: Request) => Permission), request: Request): Permission {
  if (typeof permission !== "function") return permission;
  try {
    return permission(request);
  } catch {
    return "products.own";
  }
}
