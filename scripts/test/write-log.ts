/**
 * Which tables a call wrote, for "a refused input writes nothing" (lib/security/fuzz.test.ts).
 * For the length of a test file, a row trigger on every table of this worker's test database
 * appends the table's name to an unlogged log table; a mark is the log's newest id, and what a call
 * wrote is what was logged after the mark before it. Only committed writes count (a rolled-back
 * transaction takes its log rows with it), whichever pooled connection made them. Cheap whatever
 * the tables hold: scanning them for a fingerprint (row counts, newest xmin) took 10 ms a call once
 * the fuzzed actions had filled them, and PostgreSQL's statistics counters are per backend and
 * reach the shared view late.
 *
 * Audit entries are logged with their action and outcome (`AuditEvent[api.call FAILURE]`), so a
 * check can allow the entries a refusal writes by design and no others. pg-boss's job table logs
 * inserted jobs only, and not those of cron-scheduled queues (pg-boss sends them on its own time):
 * its workers and maintenance update rows whenever they like.
 */
import pg from "pg";

export type WriteLog = {
  /** Writes logged after this mark are the next call's. */
  mark(): Promise<string>;
  /** Tables (and audit actions) written since `mark`, sorted. */
  writtenSince(mark: string): Promise<string[]>;
  /** Drops the triggers and the log: later test files in this worker write as before. */
  close(): Promise<void>;
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function openWriteLog(databaseUrl: string): Promise<WriteLog> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "fuzz-write-log" });
  await client.connect();
  await client.query(`
    DROP SCHEMA IF EXISTS fuzz_write_log CASCADE;
    CREATE SCHEMA fuzz_write_log;
    CREATE UNLOGGED TABLE fuzz_write_log.writes (id bigserial PRIMARY KEY, label text NOT NULL);
    CREATE FUNCTION fuzz_write_log.record() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      label text := TG_TABLE_NAME;
    BEGIN
      IF TG_TABLE_SCHEMA = 'pgboss' THEN
        IF TG_OP <> 'INSERT' OR EXISTS (SELECT 1 FROM pgboss.schedule s WHERE s.name = NEW.name) THEN
          RETURN NULL;
        END IF;
        label := 'pgboss.job';
      ELSIF TG_TABLE_NAME = 'AuditEvent' AND TG_OP = 'INSERT' THEN
        label := 'AuditEvent[' || NEW.action || ' ' || NEW.outcome || ']';
      END IF;
      INSERT INTO fuzz_write_log.writes (label) VALUES (label);
      RETURN NULL;
    END $$;`);
  const { rows: tables } = await client.query<{ schema: string; name: string }>(`
    SELECT n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND (n.nspname = 'public' OR (n.nspname = 'pgboss' AND c.relname = 'job'))`);
  for (const { schema, name } of tables) {
    // On pg-boss's partitioned job table the trigger reaches every queue's partition, later ones too.
    await client.query(
      `CREATE TRIGGER fuzz_write_log AFTER INSERT OR UPDATE OR DELETE ON ${ident(schema)}.${ident(name)}
       FOR EACH ROW EXECUTE FUNCTION fuzz_write_log.record()`,
    );
  }
  return {
    async mark() {
      const { rows } = await client.query<[string]>({
        name: "fuzz-write-log-mark",
        text: "SELECT coalesce(max(id), 0)::text FROM fuzz_write_log.writes",
        rowMode: "array",
      });
      return rows[0]![0];
    },
    async writtenSince(mark) {
      const { rows } = await client.query<[string]>({
        name: "fuzz-write-log-since",
        text: "SELECT DISTINCT label FROM fuzz_write_log.writes WHERE id > $1::bigint ORDER BY 1",
        values: [mark],
        rowMode: "array",
      });
      return rows.map(([label]) => label);
    },
    async close() {
      await client.query("DROP SCHEMA IF EXISTS fuzz_write_log CASCADE");
      await client.end();
    },
  };
}
