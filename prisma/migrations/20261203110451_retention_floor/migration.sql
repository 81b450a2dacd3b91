-- AlterEnum
ALTER TYPE "OwnershipEndReason" ADD VALUE 'ACCOUNT_ERASED';

-- The retention purge of the audit log (migration retention_purge) gets a floor: whatever a
-- transaction sets, the last year of the log cannot be deleted, and without a cut-off nothing can.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cutoff timestamp;
BEGIN
  -- Nested, not one AND: an unset cut-off reads as '' in a pooled session, which must not be cast.
  IF TG_OP = 'DELETE' AND coalesce(current_setting('portal.retention', true), '') = 'purge' THEN
    cutoff := nullif(current_setting('portal.retention_before', true), '')::timestamp;
    IF cutoff IS NOT NULL AND OLD."at" < least(cutoff, (now() AT TIME ZONE 'UTC') - interval '365 days') THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
