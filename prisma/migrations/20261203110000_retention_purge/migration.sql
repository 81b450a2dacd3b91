-- Issue 14: the retention job removes audit events older than their retention period. The log
-- stays append-only for everything else: DELETE is allowed only inside a transaction that set
-- `portal.retention` to 'purge' (lib/privacy/retention.ts), and only for rows older than the
-- cut-off that transaction set in `portal.retention_before`. UPDATE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Nested, not one AND: an unset cut-off reads as '' in a pooled session, which must not be cast.
  IF TG_OP = 'DELETE' AND coalesce(current_setting('portal.retention', true), '') = 'purge' THEN
    IF OLD."at" < nullif(current_setting('portal.retention_before', true), '')::timestamp THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
