-- CreateTable
CREATE TABLE "AnalyticsRefresh" (
    "view" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsRefresh_pkey" PRIMARY KEY ("view")
);

-- Each active ownership's warranty end (portal_warranty_until), for "warranty expiries coming"
-- on the analytics dashboard: computed for every unit at once by the refresh job (analytics.refresh,
-- nightly and on demand), read by the dashboard in one indexed scan.
CREATE MATERIALIZED VIEW analytics_unit_warranty AS
  SELECT o.id AS "ownershipId", s."modelId", portal_warranty_until(o.id) AS "coveredUntil"
  FROM "Ownership" o JOIN "SerialUnit" s ON s.id = o."unitId"
  WHERE o."endedAt" IS NULL;

CREATE UNIQUE INDEX analytics_unit_warranty_ownership ON analytics_unit_warranty ("ownershipId");
CREATE INDEX analytics_unit_warranty_until ON analytics_unit_warranty ("coveredUntil");

INSERT INTO "AnalyticsRefresh" (view, "refreshedAt") VALUES ('analytics_unit_warranty', now());
