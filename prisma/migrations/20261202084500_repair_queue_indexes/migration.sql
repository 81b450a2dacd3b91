-- Hand-written: indexes the schema language cannot state (lib/repairs/queue.ts reads them).

-- The desk reads open tickets most: partial indexes keep those reads to the open part of the table,
-- in the orders the queue sorts by, with the id as the keyset tie-breaker.
CREATE INDEX "RepairTicket_open_created" ON "RepairTicket" ("createdAt", "id") WHERE "closedAt" IS NULL;
CREATE INDEX "RepairTicket_open_assignee_created" ON "RepairTicket" ("assigneeId", "createdAt", "id") WHERE "closedAt" IS NULL;
CREATE INDEX "RepairTicket_open_due" ON "RepairTicket" ("resolutionDueAt", "id") WHERE "closedAt" IS NULL;
CREATE INDEX "RepairTicket_open_assignee_due" ON "RepairTicket" ("assigneeId", "resolutionDueAt", "id") WHERE "closedAt" IS NULL;
CREATE INDEX "RepairTicket_open_first_response_due" ON "RepairTicket" ("firstResponseDueAt") WHERE "closedAt" IS NULL AND "firstRespondedAt" IS NULL;

-- Search by phone matches digits only, however the number was typed.
CREATE INDEX "User_phone_digits" ON "User" (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'));

-- Search by part of a name (ILIKE '%…%') uses trigrams. pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "User_name_trgm" ON "User" USING gin ("name" gin_trgm_ops);
CREATE INDEX "User_nameKana_trgm" ON "User" USING gin ("nameKana" gin_trgm_ops);
