-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('RECEIVED', 'DIAGNOSING', 'WAITING_FOR_CUSTOMER', 'ESTIMATE_SENT', 'REPAIRING', 'SHIPPED_BACK', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RepairPriority" AS ENUM ('NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "RepairCoverage" AS ENUM ('WARRANTY', 'RECALL', 'PAID');

-- CreateEnum
CREATE TYPE "RepairDelivery" AS ENUM ('COURIER_PICKUP', 'DEALER_DROP_OFF', 'SEND_IN');

-- CreateEnum
CREATE TYPE "ContactPreference" AS ENUM ('EMAIL', 'PHONE');

-- CreateEnum
CREATE TYPE "RepairOutcome" AS ENUM ('REPAIRED', 'REPLACED', 'NO_FAULT_FOUND', 'NOT_REPAIRED');

-- CreateEnum
CREATE TYPE "RepairEstimateStatus" AS ENUM ('SENT', 'APPROVED', 'DECLINED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "SymptomCategory" (
    "id" TEXT NOT NULL,
    "productCategory" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SymptomCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RepairNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "RepairTicket" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "ownershipId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "symptomCategoryId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "delivery" "RepairDelivery" NOT NULL,
    "pickupPostalCode" TEXT,
    "pickupPrefecture" TEXT,
    "pickupCity" TEXT,
    "pickupLine1" TEXT,
    "pickupLine2" TEXT,
    "preferredDates" DATE[],
    "dealerId" TEXT,
    "contactPreference" "ContactPreference" NOT NULL,
    "contactPhone" TEXT,
    "status" "RepairStatus" NOT NULL DEFAULT 'RECEIVED',
    "resumeStatus" "RepairStatus",
    "priority" "RepairPriority" NOT NULL DEFAULT 'NORMAL',
    "coverage" "RepairCoverage" NOT NULL,
    "warrantySnapshot" JSONB NOT NULL,
    "recallCampaignId" TEXT,
    "assigneeId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "firstResponseDueAt" TIMESTAMP(3) NOT NULL,
    "resolutionDueAt" TIMESTAMP(3) NOT NULL,
    "firstRespondedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "slaNotified" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "outcome" "RepairOutcome",
    "closeReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "fromStatus" "RepairStatus",
    "toStatus" "RepairStatus",
    "kind" TEXT NOT NULL,
    "message" TEXT,
    "details" JSONB,

    CONSTRAINT "RepairEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairNote" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairEstimate" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "status" "RepairEstimateStatus" NOT NULL DEFAULT 'SENT',
    "lines" JSONB NOT NULL,
    "subtotalYen" INTEGER NOT NULL,
    "taxRate" INTEGER NOT NULL,
    "taxYen" INTEGER NOT NULL,
    "totalYen" INTEGER NOT NULL,
    "note" TEXT,
    "sentById" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "RepairEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairPhoto" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairPart" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "partNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeskSettings" (
    "id" TEXT NOT NULL DEFAULT 'desk',
    "openMinute" INTEGER NOT NULL DEFAULT 540,
    "closeMinute" INTEGER NOT NULL DEFAULT 1080,
    "workdays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "closedDates" DATE[],
    "firstResponseMinutes" INTEGER[] DEFAULT ARRAY[480, 240, 60]::INTEGER[],
    "resolutionMinutes" INTEGER[] DEFAULT ARRAY[7200, 4320, 1440]::INTEGER[],
    "warnAtPercent" INTEGER NOT NULL DEFAULT 75,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "DeskSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SymptomCategory_productCategory_code_key" ON "SymptomCategory"("productCategory", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RepairTicket_number_key" ON "RepairTicket"("number");

-- CreateIndex
CREATE INDEX "RepairTicket_customerId_createdAt_idx" ON "RepairTicket"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "RepairTicket_ownershipId_idx" ON "RepairTicket"("ownershipId");

-- CreateIndex
CREATE INDEX "RepairTicket_unitId_idx" ON "RepairTicket"("unitId");

-- CreateIndex
CREATE INDEX "RepairTicket_status_createdAt_id_idx" ON "RepairTicket"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RepairTicket_assigneeId_status_createdAt_id_idx" ON "RepairTicket"("assigneeId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RepairTicket_createdAt_id_idx" ON "RepairTicket"("createdAt", "id");

-- CreateIndex
CREATE INDEX "RepairTicket_resolutionDueAt_idx" ON "RepairTicket"("resolutionDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "RepairTicket_customerId_idempotencyKey_key" ON "RepairTicket"("customerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RepairEvent_ticketId_at_idx" ON "RepairEvent"("ticketId", "at");

-- CreateIndex
CREATE INDEX "RepairNote_ticketId_createdAt_idx" ON "RepairNote"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "RepairEstimate_ticketId_sentAt_idx" ON "RepairEstimate"("ticketId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "RepairPhoto_fileId_key" ON "RepairPhoto"("fileId");

-- CreateIndex
CREATE INDEX "RepairPhoto_ticketId_createdAt_idx" ON "RepairPhoto"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "RepairPart_ticketId_idx" ON "RepairPart"("ticketId");

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_ownershipId_fkey" FOREIGN KEY ("ownershipId") REFERENCES "Ownership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_symptomCategoryId_fkey" FOREIGN KEY ("symptomCategoryId") REFERENCES "SymptomCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_recallCampaignId_fkey" FOREIGN KEY ("recallCampaignId") REFERENCES "RecallCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEvent" ADD CONSTRAINT "RepairEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "RepairTicket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEvent" ADD CONSTRAINT "RepairEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairNote" ADD CONSTRAINT "RepairNote_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "RepairTicket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairNote" ADD CONSTRAINT "RepairNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEstimate" ADD CONSTRAINT "RepairEstimate_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "RepairTicket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairEstimate" ADD CONSTRAINT "RepairEstimate_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPhoto" ADD CONSTRAINT "RepairPhoto_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "RepairTicket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPhoto" ADD CONSTRAINT "RepairPhoto_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPart" ADD CONSTRAINT "RepairPart_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "RepairTicket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: values the schema language cannot constrain.
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "RepairTicket" ADD CONSTRAINT "RepairTicket_preferred_dates_max" CHECK (cardinality("preferredDates") <= 3);
ALTER TABLE "RepairEstimate" ADD CONSTRAINT "RepairEstimate_amounts" CHECK ("subtotalYen" >= 0 AND "taxYen" >= 0 AND "totalYen" = "subtotalYen" + "taxYen");
ALTER TABLE "RepairPart" ADD CONSTRAINT "RepairPart_quantity" CHECK ("quantity" > 0);

-- The desk's one settings row, with the defaults (Monday-Friday 09:00-18:00).
INSERT INTO "DeskSettings" ("id", "updatedAt") VALUES ('desk', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING;
