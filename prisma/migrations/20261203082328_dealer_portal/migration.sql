-- CreateEnum
CREATE TYPE "DealerRepairStep" AS ENUM ('RECEIVED_FROM_CUSTOMER', 'SENT_TO_SERVICE', 'BACK_AT_SHOP', 'RETURNED_TO_CUSTOMER');

-- AlterEnum
ALTER TYPE "AuthTokenPurpose" ADD VALUE 'ACCOUNT_INVITATION';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DEALER_ADMIN';

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "dealerId" TEXT;

-- AlterTable
ALTER TABLE "Dealer" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Ownership" ADD COLUMN     "dealerSaleId" TEXT;

-- AlterTable
ALTER TABLE "RepairTicket" ADD COLUMN     "dealerStep" "DealerRepairStep";

-- CreateTable
CREATE TABLE "DealerSaleImport" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "flaggedCount" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealerSaleImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerSale" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "soldOn" DATE NOT NULL,
    "customerEmail" TEXT,
    "importId" TEXT NOT NULL,
    "soldTwice" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealerSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerInvitation" (
    "id" TEXT NOT NULL,
    "saleId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "DealerInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealerMessage" (
    "id" TEXT NOT NULL,
    "dealerId" TEXT NOT NULL,
    "campaignId" TEXT,
    "unitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),

    CONSTRAINT "DealerMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DealerSaleImport_dealerId_createdAt_idx" ON "DealerSaleImport"("dealerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DealerSaleImport_dealerId_idempotencyKey_key" ON "DealerSaleImport"("dealerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "DealerSale_unitId_idx" ON "DealerSale"("unitId");

-- CreateIndex
CREATE INDEX "DealerSale_dealerId_soldOn_idx" ON "DealerSale"("dealerId", "soldOn");

-- CreateIndex
CREATE UNIQUE INDEX "DealerSale_dealerId_unitId_key" ON "DealerSale"("dealerId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "DealerInvitation_tokenHash_key" ON "DealerInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "DealerInvitation_saleId_idx" ON "DealerInvitation"("saleId");

-- CreateIndex
CREATE INDEX "DealerMessage_userId_sentAt_idx" ON "DealerMessage"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "DealerMessage_dealerId_campaignId_userId_idx" ON "DealerMessage"("dealerId", "campaignId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "DealerMessage_idempotencyKey_userId_key" ON "DealerMessage"("idempotencyKey", "userId");

-- CreateIndex
CREATE INDEX "Consent_dealerId_purpose_idx" ON "Consent"("dealerId", "purpose");

-- CreateIndex
CREATE INDEX "RepairTicket_dealerId_status_idx" ON "RepairTicket"("dealerId", "status");

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerSaleImport" ADD CONSTRAINT "DealerSaleImport_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerSaleImport" ADD CONSTRAINT "DealerSaleImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerSale" ADD CONSTRAINT "DealerSale_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerSale" ADD CONSTRAINT "DealerSale_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerSale" ADD CONSTRAINT "DealerSale_importId_fkey" FOREIGN KEY ("importId") REFERENCES "DealerSaleImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerInvitation" ADD CONSTRAINT "DealerInvitation_saleId_fkey" FOREIGN KEY ("saleId") REFERENCES "DealerSale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerInvitation" ADD CONSTRAINT "DealerInvitation_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerMessage" ADD CONSTRAINT "DealerMessage_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerMessage" ADD CONSTRAINT "DealerMessage_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RecallCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerMessage" ADD CONSTRAINT "DealerMessage_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "SerialUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerMessage" ADD CONSTRAINT "DealerMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealerMessage" ADD CONSTRAINT "DealerMessage_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ownership" ADD CONSTRAINT "Ownership_dealerSaleId_fkey" FOREIGN KEY ("dealerSaleId") REFERENCES "DealerSale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
