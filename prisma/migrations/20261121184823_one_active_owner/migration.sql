-- One serial, one owner (issue 4): at most one ownership without an end per unit. Prisma's schema
-- language has no partial unique index, so it lives here; registration relies on it to refuse a
-- second owner even when two requests race.
CREATE UNIQUE INDEX "Ownership_one_active_owner" ON "Ownership" ("unitId") WHERE "endedAt" IS NULL;

-- A unit has at most one open claim per claimant.
CREATE UNIQUE INDEX "OwnershipClaim_one_open_per_claimant" ON "OwnershipClaim" ("unitId", "claimantId") WHERE status = 'OPEN';
