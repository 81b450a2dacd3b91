import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RepairCoverage, RepairStatus } from "@/lib/generated/prisma/enums";
import { normalizeSerial } from "@/lib/products/serial-format";
import { loadDesk } from "./desk-settings";
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

/**
 * What a search term points at: a ticket number, a serial, an email, a phone number, or a name.
 * Each resolves through a unique or indexed column first, so search stays an index lookup.
 */
async function searchWhere(q: string): Promise<Prisma.RepairTicketWhereInput> {
  const term = q.normalize("NFKC").trim();
  if (/^R-?\d{4}-?\d{1,6}$/i.test(term)) {
    const [, year, seq] = /^R-?(\d{4})-?(\d{1,6})$/i.exec(term)!;
    return { number: `R-${year}-${seq!.padStart(6, "0")}` };
  }
  if (term.includes("@")) return { customer: { email: term.toLowerCase() } };
  const digits = term.replace(/[\s()+-]/g, "");
  if (/^\d{10,13}$/.test(digits)) {
    // Phones are stored as typed (with or without hyphens): match the ticket's and the profile's, digits only.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ${digits} LIMIT 200`;
    return {
      OR: [{ customerId: { in: rows.map((row) => row.id) } }, { contactPhone: { in: [term, digits] } }],
    };
  }
  const serial = normalizeSerial(term);
  const unit = serial.length >= 6 ? await db.serialUnit.findUnique({ where: { serial }, select: { id: true } }) : null;
  if (unit) return { unitId: unit.id };
  // A name (or part of one): the customers whose name or reading contains it.
  const people = await db.user.findMany({
    where: {
      role: "CUSTOMER",
      OR: [{ name: { contains: term, mode: "insensitive" } }, { nameKana: { contains: term, mode: "insensitive" } }],
    },
    select: { id: true },
    take: 500,
  });
  return { customerId: { in: people.map((person) => person.id) } };
}

function stateWhere(state: QueueFilter["state"]): Prisma.RepairTicketWhereInput {
  if (state === "open") return { closedAt: null };
  if (state === "closed") return { closedAt: { not: null } };
  if (state === "any") return {};
  return { status: state as RepairStatus };
}

/** Breached: a clock that is still running is past its deadline (a paused resolution clock is not). */
function breachedWhere(now: Date): Prisma.RepairTicketWhereInput {
  return {
    closedAt: null,
    OR: [
      { firstRespondedAt: null, firstResponseDueAt: { lt: now } },
      { pausedAt: null, resolutionDueAt: { lt: now } },
    ],
  };
}

export async function queueWhere(filter: QueueFilter, actorId: string, now: Date): Promise<Prisma.RepairTicketWhereInput> {
  const and: Prisma.RepairTicketWhereInput[] = [stateWhere(filter.view === "all" ? filter.state : "open")];
  if (filter.view === "mine") and.push({ assigneeId: actorId });
  if (filter.view === "unassigned") and.push({ assigneeId: null });
  if (filter.view === "breaching" || filter.sla === "breached") and.push(breachedWhere(now));
  if (filter.sla === "ok") and.push({ NOT: breachedWhere(now) });
  if (filter.assignee) and.push({ assigneeId: filter.assignee });
  if (filter.model) and.push({ unit: { modelId: filter.model } });
  if (filter.coverage) and.push({ coverage: filter.coverage });
  if (filter.dealer) and.push({ dealerId: filter.dealer });
  if (filter.q) and.push(await searchWhere(filter.q));
  return { AND: and };
}

const SORT_FIELD = { newest: "createdAt", oldest: "createdAt", due: "resolutionDueAt" } as const;
const SORT_DESC = { newest: true, oldest: false, due: false } as const;

export const QUEUE_ROW_SELECT = {
  id: true,
  number: true,
  status: true,
  priority: true,
  coverage: true,
  createdAt: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  resolutionDueAt: true,
  pausedAt: true,
  closedAt: true,
  assignee: { select: { id: true, name: true, email: true } },
  customer: { select: { id: true, name: true } },
  unit: { select: { serial: true, model: { select: { code: true } } } },
} as const satisfies Prisma.RepairTicketSelect;

export type QueueRow = Prisma.RepairTicketGetPayload<{ select: typeof QUEUE_ROW_SELECT }>;

export type QueuePage = { rows: QueueRow[]; next: string | null; previous: string | null };

/**
 * One page of the queue. The cursor holds the sort value and the id of the row to continue from;
 * the page reads (sort, id) past it in index order. A redundant bound on the sort column lets
 * PostgreSQL start the index scan at the cursor instead of filtering from the top.
 */
export async function listQueue(filter: QueueFilter, actorId: string, now: Date = new Date()): Promise<QueuePage> {
  const field = SORT_FIELD[filter.sort];
  const backwards = filter.before !== undefined;
  const cursor = decodeCursor((backwards ? filter.before : filter.after) ?? "");
  // Reading backwards (the previous page) walks the index the other way, then flips the rows.
  const desc = SORT_DESC[filter.sort] !== backwards;
  const where = await queueWhere(filter, actorId, now);
  if (cursor) {
    const at = new Date(cursor.value);
    const beyond = desc ? "lt" : "gt";
    const bound = desc ? "lte" : "gte";
    where.AND = [
      ...(where.AND as Prisma.RepairTicketWhereInput[]),
      { [field]: { [bound]: at } },
      { OR: [{ [field]: { [beyond]: at } }, { [field]: at, id: { [beyond]: cursor.id } }] },
    ];
  }
  const order = desc ? "desc" : "asc";
  const rows = await db.repairTicket.findMany({
    where,
    select: QUEUE_ROW_SELECT,
    orderBy: [{ [field]: order }, { id: order }],
    take: QUEUE_PAGE_SIZE + 1,
  });
  const more = rows.length > QUEUE_PAGE_SIZE;
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  if (backwards) page.reverse();
  const cursorOf = (row: QueueRow | undefined) => (row ? encodeCursor({ value: row[field].toISOString(), id: row.id }) : null);
  return {
    rows: page,
    next: backwards || more ? cursorOf(page.at(-1)) : null,
    previous: (backwards ? more : cursor !== null) ? cursorOf(page[0]) : null,
  };
}

/** The cursor a page makes for `row` under `sort` (tests build "continue after this row" with it). */
export function encodeCursorForTest(row: QueueRow, sort: QueueFilter["sort"]): string {
  return encodeCursor({ value: row[SORT_FIELD[sort]].toISOString(), id: row.id });
}

export type QueueRowWithClocks = QueueRow & { clocks: { firstResponse: Clock; resolution: Clock } };

/** What the queue page shows: one page of rows, each with its SLA clocks as of `now`. */
export async function loadQueuePage(
  filter: QueueFilter,
  actorId: string,
  now: Date = new Date(),
): Promise<Omit<QueuePage, "rows"> & { rows: QueueRowWithClocks[] }> {
  const [page, desk] = await Promise.all([listQueue(filter, actorId, now), loadDesk()]);
  return { ...page, rows: page.rows.map((row) => ({ ...row, clocks: slaClocks(desk.calendar, desk.targets, row, now) })) };
}
