import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * The process's ear on PostgreSQL (decision 0009): one dedicated `pg` client LISTENs on
 * `chat_events` and hands each notification to the in-process subscribers (the open SSE streams).
 * Not a pooled connection, because LISTEN belongs to a session. Keepalive and a periodic check that
 * the LISTEN still holds catch a half-open socket; a lost connection reconnects with back-off and
 * then tells every subscriber to `resync` (re-read from its last seq), because notifications sent
 * while it was away are gone.
 */
export const CHAT_CHANNEL = "chat_events";

export type ChatSideName = "CUSTOMER" | "STAFF";

/** What travels on the channel: ids and positions only (payloads are limited to 8000 bytes). */
export type ChatEvent =
  | { kind: "message"; conversationId: string; seq: number }
  | { kind: "receipt"; conversationId: string; side: ChatSideName; deliveredSeq: number; readSeq: number }
  | { kind: "typing"; conversationId: string; side: ChatSideName; userId: string }
  | { kind: "conversation"; conversationId: string };

/** `resync`: events may have been missed, catch up. `closing`: this process is shutting down, end the stream. */
export type HubEvent = ChatEvent | { kind: "resync" } | { kind: "closing" };
export type HubListener = (event: HubEvent) => void;

const HEALTH_CHECK_MS = 10_000;
const MAX_BACKOFF_MS = 10_000;

function isChatEvent(value: unknown): value is ChatEvent {
  if (typeof value !== "object" || value === null) return false;
  const event = value as { kind?: unknown; conversationId?: unknown };
  return typeof event.conversationId === "string" && ["message", "receipt", "typing", "conversation"].includes(String(event.kind));
}

export class ChatHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Set<HubListener>();
  private health: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private connectedBefore = false;
  private closed = false;
  /** Set by endStreams(): streams opened from now on end at once (the browser retries elsewhere). */
  closingDown = false;

  constructor(private readonly connectionString: string) {}

  /** Calls `listener` for every event until the returned function is called. Connects on first use. */
  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    void this.ready().catch(() => {
      // Logged and retried in connect(); the subscriber gets a resync once it is back.
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Resolves once this process is listening (streams wait for it before their catch-up read). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private emit(event: HubEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.error({ err: error }, "chat hub subscriber failed");
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) throw new Error("The chat hub is closed");
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: "portal-chat-hub" });
    client.on("notification", (message) => {
      if (message.channel !== CHAT_CHANNEL || !message.payload) return;
      let event: unknown;
      try {
        event = JSON.parse(message.payload);
      } catch {
        return;
      }
      if (isChatEvent(event)) this.emit(event);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(CHAT_CHANNEL)}`);
    } catch (error) {
      await client.end().catch(() => {});
      this.scheduleRetry(error);
      throw error;
    }
    this.client = client;
    this.failures = 0;
    this.health = setInterval(() => {
      client
        .query("SELECT 1 FROM pg_listening_channels() channel WHERE channel = $1", [CHAT_CHANNEL])
        .then((result) => {
          if (result.rowCount === 0) this.lost(client, new Error("LISTEN no longer registered"));
        })
        .catch((error: unknown) => this.lost(client, error));
    }, HEALTH_CHECK_MS);
    this.health.unref();
    if (this.connectedBefore) this.emit({ kind: "resync" });
    this.connectedBefore = true;
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.health) clearInterval(this.health);
    this.health = null;
    void client.end().catch(() => {});
    if (!this.closed) this.scheduleRetry(error ?? new Error("connection ended"));
  }

  private scheduleRetry(error: unknown): void {
    if (this.closed || this.retryTimer) return;
    this.failures++;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
    logger.warn({ err: error, retryInMs: delay }, "chat hub lost its database connection");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ready().catch(() => {
        // connect() scheduled the next try.
      });
    }, delay);
    this.retryTimer.unref();
  }

  /** For tests and shutdown: stop listening and drop every subscriber. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.health) clearInterval(this.health);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /**
   * The process is stopping: every open stream ends now, so the HTTP server can close (an open
   * stream would hold it for minutes), and the browsers reconnect, to another instance or to this
   * one once it is back, and catch up.
   */
  endStreams(): void {
    this.closingDown = true;
    for (const listener of [...this.listeners]) listener({ kind: "closing" });
  }

  /** Drops the LISTEN connection as a network failure would (tests). */
  dropConnectionForTest(): void {
    if (this.client) this.lost(this.client, new Error("dropped by a test"));
  }
}

// One hub per process (hot reload re-evaluates modules in development).
const globalForHub = globalThis as unknown as { chatHub?: ChatHub };
export const chatHub: ChatHub = globalForHub.chatHub ?? new ChatHub(env.DATABASE_URL);
globalForHub.chatHub = chatHub;
// Called by scripts/serve.ts on SIGTERM (it cannot import this bundle's module instance).
(globalThis as { portalEndStreams?: () => void }).portalEndStreams = () => chatHub.endStreams();
