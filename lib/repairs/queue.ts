import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RepairCoverage, RepairPriority, RepairStatus } from "@/lib/generated/prisma/enums";
import { normalizeSerial } from "@/lib/products/serial-format";
import { loadDeskForDisplay } from "./desk-settings";
import { slaClocks, type Clock } from "./sla";
import { REPAIR_STATUSES } from "./status";

/**
 * The service desk's queue: filters and search as they travel in the URL (so a view can be shared
 * and saved), and keyset paging that reads one index range however deep the page is. Open tickets
 * have their own partial indexes (migration `repair_queue_indexes`): the desk mostly reads those.
 */
export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_VIEWS = ["all", "mine", "unassigned", "breaching"] as const;
export const QUEUE_SORTS = ["newest", "oldest", "due"] as const;
export const QUEUE_STATES = ["open", "closed", "any", ...REPAIR_STATUSES] as const;
export const QUEUE_COVERAGES = ["WARRANTY", "PAID", "RECALL"] as const;
export const QUEUE_SLA = ["breached", "ok"] as const;

export type QueueFilter = {
  view: (typeof QUEUE_VIEWS)[number];
  state: (typeof QUEUE_STATES)[number];
  sort: (typeof QUEUE_SORTS)[number];
  assignee?: string;
  model?: string;
  coverage?: RepairCoverage;
  sla?: (typeof QUEUE_SLA)[number];
  dealer?: string;
  q?: string;
  /** Keyset cursors (opaque): the page after / before a row. */
  after?: string;
  before?: string;
};

type Params = Record<string, string | string[] | undefined>;

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

export function parseQueueFilter(params: Params): QueueFilter {
  const text = (name: string, max: number) => {
    const value = params[name];
    const trimmed = typeof value === "string" ? value.trim().slice(0, max) : "";
    return trimmed === "" ? undefined : trimmed;
  };
  const id = (name: string) => {
    const value = text(name, 40);
    return value && /^[a-z0-9]+$/i.test(value) ? value : undefined;
  };
  const cursor = (name: string) => {
    const value = text(name, 200);
    return value && decodeCursor(value) ? value : undefined;
  };
  return {
    view: pick(text("view", 20), QUEUE_VIEWS) ?? "all",
    state: pick(text("state", 30), QUEUE_STATES) ?? "open",
    sort: pick(text("sort", 10), QUEUE_SORTS) ?? "newest",
    assignee: id("assignee"),
    model: id("model"),
    coverage: pick(text("coverage", 10), QUEUE_COVERAGES),
    sla: pick(text("sla", 10), QUEUE_SLA),
    dealer: id("dealer"),
    q: text("q", 100),
    after: cursor("after"),
    before: cursor("before"),
  };
}

/** The filter without its cursor, as URL parameters (for links to other pages of the same view). */
export function queueFilterParams(filter: QueueFilter): Record<string, string> {
  const { after: _after, before: _before, ...rest } = filter;
  const defaults: Partial<QueueFilter> = { view: "all", state: "open", sort: "newest" };
  return Object.fromEntries(
    Object.entries(rest).filter(([key, value]) => value !== undefined && defaults[key as keyof QueueFilter] !== value) as [
      string,
      string,
    ][],
  );
}

type Cursor = { value: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

function decodeCursor(text: string): Cursor | null {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (typeof value !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(value)) || !/^[a-z0-9]{1,40}$/i.test(id))
      return null;
    return { value, id };
  } catch {
    return null;
  }
}

/** Customers a name or phone search looks at; with more, the page says the search was cut and how to narrow it. */
export const SEARCH_PEOPLE_LIMIT = 500;

/** The shortest name a search looks for: one character matches half the customers and no index helps. */
export const NAME_SEARCH_MIN_LENGTH = 2;

/** What the page says about a search: it was cut at SEARCH_PEOPLE_LIMIT customers, or the name was too short to search. */
export type SearchNotice = "cut" | "tooShort" | null;
type Search = { sql: Prisma.Sql; notice: SearchNotice };

/**
 * What a search term points at: a ticket number, a serial, an email, a phone number, or a name.
 * Each resolves through a unique or indexed column first, so search stays an index lookup. A cut
 * takes the first customers by id, so every page (and the CSV) looks at the same ones.
 */
async function searchCondition(q: string): Promise<Search> {
  const term = q.normalize("NFKC").trim();
  const number = /^R-?(\d{4})-?(\d{1,6})$/i.exec(term);
  if (number) return { sql: Prisma.sql`t.number = ${`R-${number[1]}-${number[2]!.padStart(6, "0")}`}`, notice: null };
  if (term.includes("@")) return { sql: Prisma.sql`c.email = ${term.toLowerCase()}`, notice: null };
  const digits = term.replace(/[\s()+-]/g, "");
  // A serial first: some models' serials are all digits (as long as a phone number), and an exact
  // serial is the most precise thing a term can be.
  const serial = normalizeSerial(term);
  const unit = serial.length >= 6 ? await db.serialUnit.findUnique({ where: { serial }, select: { id: true } }) : null;
  if (unit) return { sql: Prisma.sql`t."unitId" = ${unit.id}`, notice: null };
  if (/^\d{10,13}$/.test(digits)) {
    // Phones are stored as typed (with or without hyphens): match the profile's digits, or the ticket's as typed.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ${digits} ORDER BY id LIMIT ${SEARCH_PEOPLE_LIMIT + 1}`;
    return {
      sql: Prisma.sql`(t."customerId" = ANY(${rows.slice(0, SEARCH_PEOPLE_LIMIT).map((row) => row.id)}::text[]) OR t."contactPhone" IN (${term}, ${digits}))`,
      notice: rows.length > SEARCH_PEOPLE_LIMIT ? "cut" : null,
    };
  }
  // A name (or part of one): the customers whose name or reading contains it (trigram indexes).
  if ([...term].length < NAME_SEARCH_MIN_LENGTH) return { sql: Prisma.sql`FALSE`, notice: "tooShort" };
  const people = await db.user.findMany({
    where: {
      role: "CUSTOMER",
      OR: [{ name: { contains: term, mode: "insensitive" } }, { nameKana: { contains: term, mode: "insensitive" } }],
    },
    select: { id: true },
    orderBy: { id: "asc" },
    // One more than the limit tells whether the search was cut.
    take: SEARCH_PEOPLE_LIMIT + 1,
  });
  return {
    sql: Prisma.sql`t."customerId" = ANY(${people.slice(0, SEARCH_PEOPLE_LIMIT).map((person) => person.id)}::text[])`,
    notice: people.length > SEARCH_PEOPLE_LIMIT ? "cut" : null,
  };
}

/**
 * Breached: a running clock past its deadline, or a resolution clock paused after its deadline had
 * passed (a pause freezes a breach, it does not hide it). lib/repairs/sla.ts slaClocks() agrees.
 */
function breached(now: Date): Prisma.Sql {
  return Prisma.sql`(t."closedAt" IS NULL AND ((t."firstRespondedAt" IS NULL AND t."firstResponseDueAt" < ${now})
    OR (t."pausedAt" IS NULL AND t."resolutionDueAt" < ${now}) OR t."resolutionDueAt" <= t."pausedAt"))`;
}

/** The filter as SQL conditions over `t` (the ticket), `c` (its customer) and `u` (its unit). */
export async function queueConditions(
  filter: QueueFilter,
  actorId: string,
  now: Date,
): Promise<{ and: Prisma.Sql[]; searchNotice: SearchNotice }> {
  const state = filter.view === "all" ? filter.state : "open";
  const and: Prisma.Sql[] = [];
  if (state === "open") and.push(Prisma.sql`t."closedAt" IS NULL`);
  else if (state === "closed") and.push(Prisma.sql`t."closedAt" IS NOT NULL`);
  else if (state !== "any") and.push(Prisma.sql`t.status = ${state}::"RepairStatus"`);
  if (filter.view === "mine") and.push(Prisma.sql`t."assigneeId" = ${actorId}`);
  if (filter.view === "unassigned") and.push(Prisma.sql`t."assigneeId" IS NULL`);
  if (filter.view === "breaching" || filter.sla === "breached") and.push(breached(now));
  if (filter.sla === "ok") and.push(Prisma.sql`NOT ${breached(now)}`);
  if (filter.assignee) and.push(Prisma.sql`t."assigneeId" = ${filter.assignee}`);
  if (filter.model) and.push(Prisma.sql`u."modelId" = ${filter.model}`);
  if (filter.coverage) and.push(Prisma.sql`t.coverage = ${filter.coverage}::"RepairCoverage"`);
  if (filter.dealer) and.push(Prisma.sql`t."dealerId" = ${filter.dealer}`);
  const search = filter.q ? await searchCondition(filter.q) : null;
  if (search) and.push(search.sql);
  return { and, searchNotice: search?.notice ?? null };
}

const SORT_FIELD = { newest: "createdAt", oldest: "createdAt", due: "resolutionDueAt" } as const;
const SORT_DESC = { newest: true, oldest: false, due: false } as const;

/** The cursor of `row` under `sort`: its sort value and id (what the paging links carry). */
export function cursorAt(row: Pick<QueueRow, "id" | "createdAt" | "resolutionDueAt">, sort: QueueFilter["sort"]): string {
  return encodeCursor({ value: row[SORT_FIELD[sort]].toISOString(), id: row.id });
}

export type QueueRow = {
  id: string;
  number: string;
  status: RepairStatus;
  priority: RepairPriority;
  coverage: RepairCoverage;
  createdAt: Date;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date;
  pausedAt: Date | null;
  closedAt: Date | null;
  assignee: { id: string; name: string | null; email: string } | null;
  customer: { id: string; name: string | null };
  unit: { serial: string; model: { code: string } };
};

type FlatRow = Omit<QueueRow, "assignee" | "customer" | "unit"> & {
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  customerId: string;
  customerName: string | null;
  serial: string;
  modelCode: string;
};

export type QueuePage = { rows: QueueRow[]; next: string | null; previous: string | null; searchNotice: SearchNotice };

/**
 * One page of the queue, in one query (the desk's hottest read: one round trip instead of one per
 * relation). The cursor holds the sort value and id of the row to continue from; the row
 * comparison `(sort, id) < (…)` lets PostgreSQL start the index scan there, however deep the page.
 */
export async function listQueue(filter: QueueFilter, actorId: string, now: Date = new Date()): Promise<QueuePage> {
  const field = SORT_FIELD[filter.sort];
  const backwards = filter.before !== undefined;
  const cursor = decodeCursor((backwards ? filter.before : filter.after) ?? "");
  // Reading backwards (the previous page) walks the index the other way, then flips the rows.
  const desc = SORT_DESC[filter.sort] !== backwards;
  const column = Prisma.raw(`t."${field}"`);
  const { and: conditions, searchNotice } = await queueConditions(filter, actorId, now);
  if (cursor) conditions.push(Prisma.sql`(${column}, t.id) ${Prisma.raw(desc ? "<" : ">")} (${new Date(cursor.value)}, ${cursor.id})`);
  const direction = Prisma.raw(desc ? "DESC" : "ASC");
  const flat = await db.$queryRaw<FlatRow[]>`
    SELECT t.id, t.number, t.status::text AS status, t.priority::text AS priority, t.coverage::text AS coverage, t."createdAt",
      t."firstResponseDueAt", t."firstRespondedAt", t."resolutionDueAt", t."pausedAt", t."closedAt",
      a.id AS "assigneeId", a.name AS "assigneeName", a.email AS "assigneeEmail",
      c.id AS "customerId", c.name AS "customerName", u.serial, m.code AS "modelCode"
    FROM "RepairTicket" t
    JOIN "User" c ON c.id = t."customerId"
    LEFT JOIN "User" a ON a.id = t."assigneeId"
    JOIN "SerialUnit" u ON u.id = t."unitId"
    JOIN "ProductModel" m ON m.id = u."modelId"
    WHERE ${conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`}
    ORDER BY ${column} ${direction}, t.id ${direction}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  const rows = flat.map(
    ({ assigneeId, assigneeName, assigneeEmail, customerId, customerName, serial, modelCode, ...ticket }): QueueRow => ({
      ...ticket,
      assignee: assigneeId ? { id: assigneeId, name: assigneeName, email: assigneeEmail! } : null,
      customer: { id: customerId, name: customerName },
      unit: { serial, model: { code: modelCode } },
    }),
  );
  const more = rows.length > QUEUE_PAGE_SIZE;
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  if (backwards) page.reverse();
  const cursorOf = (row: QueueRow | undefined) => (row ? cursorAt(row, filter.sort) : null);
  return {
    rows: page,
    next: backwards || more ? cursorOf(page.at(-1)) : null,
    previous: (backwards ? more : cursor !== null) ? cursorOf(page[0]) : null,
    searchNotice,
  };
}

export type QueueRowWithClocks = QueueRow & { clocks: { firstResponse: Clock; resolution: Clock } };

/** What the queue page shows: one page of rows, each with its SLA clocks as of `now`. */
export async function loadQueuePage(
  filter: QueueFilter,
  actorId: string,
  now: Date = new Date(),
): Promise<Omit<QueuePage, "rows"> & { rows: QueueRowWithClocks[] }> {
  const [page, desk] = await Promise.all([listQueue(filter, actorId, now), loadDeskForDisplay()]);
  return { ...page, rows: page.rows.map((row) => ({ ...row, clocks: slaClocks(desk.calendar, desk.targets, row, now) })) };
}
