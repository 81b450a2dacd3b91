-- The warranty engine's end date in SQL (issue 15, decision 0013), for segments ("warranty state")
-- and analytics ("warranty expiries coming") over every unit at once. It mirrors
-- lib/warranty/compute.ts computeWarranty step by step; lib/warranty/sql-warranty.test.ts checks the
-- two agree on generated cases, so a change to one without the other fails the tests.

-- addMonthsRollingOver: the same day `n` months later, or the 1st of the month after when that day does not exist.
-- On `timestamp` (no zone), so the session's time zone cannot move a date. Registration times are
-- UTC instants in columns without a zone: `::date` is their UTC date, as the engine takes it.
CREATE FUNCTION portal_add_months_rolling(d date, n int) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN extract(day FROM d) <= extract(day FROM (date_trunc('month', d::timestamp) + make_interval(months => n + 1) - interval '1 day'))
      THEN (date_trunc('month', d::timestamp) + make_interval(months => n))::date + (extract(day FROM d)::int - 1)
    ELSE (date_trunc('month', d::timestamp) + make_interval(months => n + 1))::date
  END
$$;

-- The last covered day of an ownership's unit: the start (purchase with proof, or manufacture +
-- grace), plus the standard months, the registration bonus if registered in time, the owner's tier
-- benefit (points earned in the last 365 days, as tierStatus counts them), and the extensions that
-- still belong to this owner.
-- `SET search_path FROM CURRENT`: PostgreSQL 17 runs materialized view refreshes with a safe search
-- path (pg_catalog only), where the tables would not be found; this keeps the schema the
-- migration ran in.
CREATE FUNCTION portal_warranty_until(p_ownership text) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  WITH RECURSIVE chain AS (
    SELECT o.id, o."transferredFromId", 0 AS depth FROM "Ownership" o WHERE o.id = p_ownership
    UNION ALL
    SELECT p.id, p."transferredFromId", c.depth + 1 FROM "Ownership" p JOIN chain c ON p.id = c."transferredFromId" WHERE c.depth < 50
  ), facts AS (
    SELECT o."userId" AS user_id, o."transferredFromId" IS NOT NULL AS transferred, o."registeredAt"::date AS received_on,
      s.id AS unit_id, s."manufacturedOn" AS manufactured_on,
      m."warrantyBasis" AS basis, m."warrantyMonths" AS months, m."graceMonths" AS grace,
      m."registrationBonusMonths" AS bonus, m."registrationWindowDays" AS window_days,
      og."purchasedOn" AS purchased_on, (og."proofFileId" IS NOT NULL OR og."dealerSaleId" IS NOT NULL) AS has_proof,
      og."registeredAt"::date AS first_registered_on
    FROM "Ownership" o
    JOIN "SerialUnit" s ON s.id = o."unitId"
    JOIN "ProductModel" m ON m.id = s."modelId"
    JOIN "Ownership" og ON og.id = (SELECT id FROM chain ORDER BY depth DESC LIMIT 1)
    WHERE o.id = p_ownership
  ), started AS (
    SELECT f.*,
      CASE WHEN f.basis = 'PURCHASE_DATE' AND f.has_proof AND f.purchased_on IS NOT NULL THEN f.purchased_on
           ELSE portal_add_months_rolling(f.manufactured_on, f.grace) END AS starts_on
    FROM facts f
  )
  SELECT portal_add_months_rolling(st.starts_on,
      st.months
      + CASE WHEN st.bonus > 0 AND (st.window_days IS NULL OR st.first_registered_on - st.starts_on <= st.window_days) THEN st.bonus ELSE 0 END
      + COALESCE((
          SELECT t."bonusWarrantyMonths" FROM "PointsTier" t
          WHERE t.threshold <= (
            SELECT COALESCE(SUM(l.points), 0) FROM "PointsLot" l JOIN "PointsEntry" e ON e.id = l."awardEntryId"
            WHERE l."userId" = st.user_id AND e.kind = 'AWARD' AND l."clawedBackAt" IS NULL AND l."heldAt" IS NULL
              AND l."awardedAt" > now() - interval '365 days')
          ORDER BY t.threshold DESC LIMIT 1), 0)
      + COALESCE((
          SELECT SUM(p.months) FROM "UnitExtension" e JOIN "ExtendedWarrantyPlan" p ON p.id = e."planId"
          WHERE e."unitId" = st.unit_id AND NOT (st.transferred AND e."addedOn" < st.received_on AND NOT p.transferable)), 0)::int
    ) - 1
  FROM started st
$$;
