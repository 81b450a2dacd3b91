import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/enqueue";
import { WEBHOOK_DISPATCH_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";

/**
 * The outbox triggers NOTIFY `webhook_outbox` at commit; a process that works the jobs listens and
 * asks for a dispatch pass at once (the queue keeps at most one waiting). If the connection drops
 * it reconnects with back-off; meanwhile the dispatch job's one-minute schedule still sends every
 * event, only later. Returns a stop function.
 */
export function listenForWebhookEvents(): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true });
    const retry = (error: unknown) => {
      logger.warn({ err: error }, "webhook listener lost its connection");
      next.removeAllListeners();
      void next.end().catch(() => {});
      if (client === next) client = null;
      failures++;
      if (!stopped) setTimeout(() => void connect(), Math.min(30_000, 500 * 2 ** Math.min(failures, 6))).unref();
    };
    next.on("error", retry);
    next.on("notification", () => {
      enqueue(WEBHOOK_DISPATCH_QUEUE, {}).catch((error: unknown) => logger.error({ err: error }, "webhook dispatch not queued"));
    });
    try {
      await next.connect();
      await next.query("LISTEN webhook_outbox");
      client = next;
      failures = 0;
      // Events committed while nobody listened are picked up now rather than at the next minute.
      await enqueue(WEBHOOK_DISPATCH_QUEUE, {});
    } catch (error) {
      retry(error);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}
