-- CreateEnum
CREATE TYPE "WarrantyBasis" AS ENUM ('PURCHASE_DATE', 'MANUFACTURE_DATE');

-- CreateEnum
CREATE TYPE "CheckDigitAlgorithm" AS ENUM ('NONE', 'LUHN', 'ISO7064_MOD37_36');

-- CreateEnum
CREATE TYPE "SerialImportStatus" AS ENUM ('RUNNING', 'FAILED', 'DONE');

-- CreateEnum
CREATE TYPE "OwnershipEndReason" AS ENUM ('TRANSFERRED', 'UNREGISTERED', 'CLAIM_DECIDED');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('OPEN', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "FileStorage" AS ENUM ('LOCAL', 'UPLOADTHING');

-- CreateEnum
CREATE TYPE "RecallStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED');

-- AlterTable
ALTER TABLE "ProductModel" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "checkDigit" "CheckDigitAlgorithm" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "graceMonths" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "imageFileId" TEXT,
ADD COLUMN     "registrationBonusMonths" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "registrationWindowDays" INTEGER DEFAULT 30,
ADD COLUMN     "serialPattern" TEXT NOT NULL DEFAULT '[0-9A-Z]{6,20}',
ADD COLUMN     "warrantyBasis" "WarrantyBasis" NOT NULL DEFAULT 'PURCHASE_DATE';

-- CreateTable
CREATE TABLE "ExtendedWarrantyPlan" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "transferable" BOOLEAN NOT NULL DEFAULT true,
    "priceYen" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtendedWarrantyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SerialUnit" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "manufacturedOn" DATE NOT NULL,
    "lot" TEXT,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SerialUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SerialImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "SerialImportStatus" NOT NULL DEFAULT 'RUNNING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SerialImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ownership" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purchasedOn" DATE,
    "dealerId" TEXT,
    "otherShopName" TEXT,
    "proofFileId" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "transferredFromId" TEXT,
    "endedAt" TIMESTAMP(3),
    "endReason" "OwnershipEndReason",

    CONSTRAINT "Ownership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitExtension" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "addedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipTransfer" (
    "id" TEXT NOT NULL,
    "ownershipId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipClaim" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "claimantId" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'OPEN',
    "message" TEXT NOT NULL,
    "evidenceFileId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "storage" "FileStorage" NOT NULL,
    "key" TEXT NOT NULL,
    "thumbnailKey" TEXT,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallCampaign" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "messageJa" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "serialFrom" TEXT,
    "serialTo" TEXT,
    "lots" TEXT[],
    "status" "RecallStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecallCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallNotice" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailSentAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "RecallNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtendedWarrantyPlan_modelId_idx" ON "ExtendedWarrantyPlan"("modelId");

-- CreateIndex
CREATE UNIQUE INDEX "SerialUnit_serial_key" ON "SerialUnit"("serial");

-- CreateIndex
CREATE INDEX "SerialUnit_modelId_lot_idx" ON "SerialUnit"("modelId", "lot");

-- CreateIndex
CREATE UNIQUE INDEX "Ownership_transferredFromId_key" ON "Ownership"("transferredFromId");

-- CreateIndex
CREATE INDEX "Ownership_userId_endedAt_idx" ON "Ownership"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "Ownership_unitId_idx" ON "Ownership"("unitId");

-- CreateIndex
CREATE INDEX "Ownership_dealerId_idx" ON "Ownership"("dealerId");

-- CreateIndex
CREATE INDEX "UnitExtension_unitId_idx" ON "UnitExtension"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "OwnershipTransfer_codeHash_key" ON "OwnershipTransfer"("codeHash");

-- CreateIndex
CREATE INDEX "OwnershipTransfer_ownershipId_idx" ON "OwnershipTransfer"("ownershipId");

-- CreateIndex
CREATE INDEX "OwnershipClaim_status_createdAt_idx" ON "OwnershipClaim"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OwnershipClaim_claimantId_idx" ON "OwnershipClaim"("claimantId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_key_key" ON "StoredFile"("key");

-- CreateIndex
CREATE INDEX "StoredFile_ownerId_createdAt_idx" ON "StoredFile"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecallCampaign_code_key" ON "RecallCampaign"("code");

-- CreateIndex
CREATE INDEX "RecallCampaign_modelId_idx" ON "RecallCampaign"("modelId");

-- CreateIndex
CREATE INDEX "RecallNotice_userId_acknowledgedAt_idx" ON "RecallNotice"("userId", "acknowledgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecallNotice_campaignId_unitId_key" ON "RecallNotice"("campaignId", "unitId");

-- AddForeignKey
ALTER TABLE "ExtendedWarrantyPlan" ADD CONSTRAINT "ExtendedWarrantyPlan_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ProductModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SerialUnit" ADD CONSTRAINT "SerialUnit_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ProductModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SerialUnit" ADD CONSTRAINT "SerialUnit_importId_fkey" FOREIGN KEY ("importId") REFERENCES "SerialImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SerialImport" ADD CONSTRAINT "SerialImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_proofFileId_fkey" FOREIGN KEY ("proofFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_transferredFromId_fkey" FOREIGN KEY ("transferredFromId") REFERENCES "Ownership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitExtension" ADD CONSTRAINT "UnitExtension_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitExtension" ADD CONSTRAINT "UnitExtension_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExtendedWarrantyPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipTransfer" ADD CONSTRAINT "OwnershipTransfer_ownershipId_fkey" FOREIGN KEY ("ownershipId") REFERENCES "Ownership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipClaim" ADD CONSTRAINT "OwnershipClaim_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipClaim" ADD CONSTRAINT "OwnershipClaim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipClaim" ADD CONSTRAINT "OwnershipClaim_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallCampaign" ADD CONSTRAINT "RecallCampaign_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ProductModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallCampaign" ADD CONSTRAINT "RecallCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallNotice" ADD CONSTRAINT "RecallNotice_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RecallCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallNotice" ADD CONSTRAINT "RecallNotice_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallNotice" ADD CONSTRAINT "RecallNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
