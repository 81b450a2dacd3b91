-- Sign-in throttling in one round trip (decision 0015): make the missing rows, lock every key's
-- row in key order, refuse when one is blocked, else count the attempt on each key as a failure
-- (lib/auth/throttle.ts settles a success afterwards). The rules come from the caller per key
-- (lib/auth/throttle-policy.ts stays their only source); the arithmetic is that module's
-- nextFailureState / delayAfter, checked against it by lib/auth/throttle.test.ts.
CREATE OR REPLACE FUNCTION reserve_login_attempt(
  p_keys text[], p_free int[], p_base_ms bigint[], p_max_ms bigint[], p_forget_ms bigint[], p_now timestamp(3)
) RETURNS TABLE (allowed boolean, blocked_keys text[])
LANGUAGE plpgsql AS $$
DECLARE
  i int;
  row_state record;
  v_failures int;
  over int;
  delay_ms bigint;
  states jsonb := '{}'::jsonb;
  blocked text[] := '{}';
BEGIN
  INSERT INTO "LoginThrottle" (key, failures, "lastFailureAt")
  SELECT k, 0, p_now FROM unnest(p_keys) AS k ORDER BY k
  ON CONFLICT (key) DO NOTHING;
  FOR row_state IN
    SELECT t.key, t.failures, t."lastFailureAt", t."blockedUntil" FROM "LoginThrottle" t
    WHERE t.key = ANY(p_keys) ORDER BY t.key FOR UPDATE
  LOOP
    -- A row with no failures counts as no state (as in the TypeScript model).
    IF row_state.failures > 0 AND row_state."blockedUntil" IS NOT NULL AND row_state."blockedUntil" > p_now THEN
      RETURN QUERY SELECT false, '{}'::text[];
      RETURN;
    END IF;
    states := states || jsonb_build_object(row_state.key, jsonb_build_object(
      'failures', row_state.failures,
      'age_ms', (extract(epoch FROM (p_now - row_state."lastFailureAt")) * 1000)::bigint));
  END LOOP;
  FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
    IF (states -> p_keys[i] ->> 'failures')::int > 0 AND (states -> p_keys[i] ->> 'age_ms')::bigint <= p_forget_ms[i] THEN
      v_failures := (states -> p_keys[i] ->> 'failures')::int + 1;
    ELSE
      v_failures := 1;
    END IF;
    over := v_failures - p_free[i];
    delay_ms := CASE WHEN over <= 0 THEN 0 ELSE least(p_base_ms[i] * (2::bigint ^ least(over - 1, 30))::bigint, p_max_ms[i]) END;
    -- An upsert: a row removed since it was locked (none is today) still gets its count.
    INSERT INTO "LoginThrottle" AS t (key, failures, "lastFailureAt", "blockedUntil")
    VALUES (p_keys[i], v_failures, p_now, CASE WHEN delay_ms > 0 THEN p_now + make_interval(secs => delay_ms / 1000.0) END)
    ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, "lastFailureAt" = EXCLUDED."lastFailureAt", "blockedUntil" = EXCLUDED."blockedUntil";
    IF delay_ms > 0 THEN blocked := blocked || p_keys[i]; END IF;
  END LOOP;
  RETURN QUERY SELECT true, blocked;
END;
$$;
