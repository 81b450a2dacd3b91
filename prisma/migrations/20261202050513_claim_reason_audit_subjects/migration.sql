-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "subjectIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "OwnershipClaim" ADD COLUMN     "decisionReason" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_subjectIds_idx" ON "AuditEvent" USING GIN ("subjectIds");
