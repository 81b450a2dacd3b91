-- CreateEnum
CREATE TYPE "PointsAccountKind" AS ENUM ('PENDING', 'AVAILABLE', 'DEBT', 'ISSUED', 'REDEEMED', 'EXPIRED', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PointsEntryKind" AS ENUM ('AWARD', 'RELEASE', 'REDEMPTION', 'EXPIRY', 'CLAWBACK', 'ADJUSTMENT', 'REVERSAL');

-- CreateEnum
CREATE TYPE "PointsRuleKind" AS ENUM ('PRODUCT_REGISTRATION', 'REPAIR_RATING', 'PROFILE_COMPLETION', 'CAMPAIGN');

-- CreateEnum
CREATE TYPE "RewardKind" AS ENUM ('COUPON', 'WARRANTY_EXTENSION', 'GOODS');

-- CreateEnum
CREATE TYPE "PointsAdjustmentStatus" AS ENUM ('AWAITING_APPROVAL', 'APPLIED', 'REJECTED');

-- CreateTable
CREATE TABLE "PointsAccount" (
    "id" TEXT NOT NULL,
    "kind" "PointsAccountKind" NOT NULL,
    "userId" TEXT,
    "balance" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" TEXT NOT NULL,
    "kind" "PointsEntryKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversesId" TEXT,
    "ruleVersionId" TEXT,
    "causeKind" TEXT,
    "causeId" TEXT,
    "actorId" TEXT,
    "memo" TEXT,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsPosting" (
    "id" BIGSERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "PointsPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsLot" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "awardEntryId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "debtRepaid" INTEGER NOT NULL DEFAULT 0,
    "remaining" INTEGER NOT NULL,
    "awardedAt" TIMESTAMP(3) NOT NULL,
    "availableFrom" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "heldAt" TIMESTAMP(3),
    "clawedBackAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "PointsLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsLotUse" (
    "id" BIGSERIAL NOT NULL,
    "lotId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "PointsLotUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsRule" (
    "id" TEXT NOT NULL,
    "kind" "PointsRuleKind" NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsRuleVersion" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "points" INTEGER NOT NULL,
    "pendingDays" INTEGER NOT NULL DEFAULT 0,
    "expiryMonths" INTEGER NOT NULL DEFAULT 12,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "category" TEXT,
    "capPerCustomer" INTEGER,
    "capTotal" INTEGER,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsProgram" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pointValueSen" INTEGER NOT NULL DEFAULT 100,
    "approvalThreshold" INTEGER NOT NULL DEFAULT 1000,
    "maxRegistrationsPerAddressPerDay" INTEGER NOT NULL DEFAULT 5,
    "maxRemovalsPerMonth" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsTier" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "bonusWarrantyMonths" INTEGER NOT NULL DEFAULT 0,
    "benefitsJa" TEXT NOT NULL DEFAULT '',
    "benefitsEn" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reward" (
    "id" TEXT NOT NULL,
    "kind" "RewardKind" NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "imageFileId" TEXT,
    "cost" INTEGER NOT NULL,
    "stock" INTEGER,
    "perCustomerLimit" INTEGER,
    "planId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardCoupon" (
    "id" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "redemptionId" TEXT,

    CONSTRAINT "RewardCoupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rewardId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "ownershipId" TEXT,
    "reversedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsAdjustment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "PointsAdjustmentStatus" NOT NULL,
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "entryId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsFlag" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decision" TEXT,

    CONSTRAINT "PointsFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PointsAccount_userId_kind_key" ON "PointsAccount"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_idempotencyKey_key" ON "PointsEntry"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_reversesId_key" ON "PointsEntry"("reversesId");

-- CreateIndex
CREATE INDEX "PointsEntry_userId_effectiveAt_idx" ON "PointsEntry"("userId", "effectiveAt");

-- CreateIndex
CREATE INDEX "PointsEntry_causeKind_causeId_idx" ON "PointsEntry"("causeKind", "causeId");

-- CreateIndex
CREATE INDEX "PointsEntry_kind_effectiveAt_idx" ON "PointsEntry"("kind", "effectiveAt");

-- CreateIndex
CREATE INDEX "PointsPosting_accountId_id_idx" ON "PointsPosting"("accountId", "id");

-- CreateIndex
CREATE INDEX "PointsPosting_entryId_idx" ON "PointsPosting"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsLot_awardEntryId_key" ON "PointsLot"("awardEntryId");

-- CreateIndex
CREATE INDEX "PointsLot_userId_expiresAt_idx" ON "PointsLot"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "PointsLot_availableFrom_idx" ON "PointsLot"("availableFrom");

-- CreateIndex
CREATE INDEX "PointsLot_expiresAt_idx" ON "PointsLot"("expiresAt");

-- CreateIndex
CREATE INDEX "PointsLotUse_lotId_idx" ON "PointsLotUse"("lotId");

-- CreateIndex
CREATE INDEX "PointsLotUse_entryId_idx" ON "PointsLotUse"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsRule_code_key" ON "PointsRule"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PointsRuleVersion_ruleId_version_key" ON "PointsRuleVersion"("ruleId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PointsTier_code_key" ON "PointsTier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PointsTier_threshold_key" ON "PointsTier"("threshold");

-- CreateIndex
CREATE UNIQUE INDEX "RewardCoupon_redemptionId_key" ON "RewardCoupon"("redemptionId");

-- CreateIndex
CREATE INDEX "RewardCoupon_rewardId_redemptionId_idx" ON "RewardCoupon"("rewardId", "redemptionId");

-- CreateIndex
CREATE UNIQUE INDEX "RewardCoupon_rewardId_code_key" ON "RewardCoupon"("rewardId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_entryId_key" ON "Redemption"("entryId");

-- CreateIndex
CREATE INDEX "Redemption_userId_createdAt_idx" ON "Redemption"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Redemption_rewardId_userId_idx" ON "Redemption"("rewardId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsAdjustment_entryId_key" ON "PointsAdjustment"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsAdjustment_idempotencyKey_key" ON "PointsAdjustment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PointsAdjustment_status_createdAt_idx" ON "PointsAdjustment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PointsAdjustment_userId_idx" ON "PointsAdjustment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsFlag_lotId_key" ON "PointsFlag"("lotId");

-- CreateIndex
CREATE INDEX "PointsFlag_decidedAt_createdAt_idx" ON "PointsFlag"("decidedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "PointsRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsPosting" ADD CONSTRAINT "PointsPosting_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsPosting" ADD CONSTRAINT "PointsPosting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PointsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_awardEntryId_fkey" FOREIGN KEY ("awardEntryId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLotUse" ADD CONSTRAINT "PointsLotUse_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "PointsLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLotUse" ADD CONSTRAINT "PointsLotUse_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsRuleVersion" ADD CONSTRAINT "PointsRuleVersion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "PointsRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsRuleVersion" ADD CONSTRAINT "PointsRuleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reward" ADD CONSTRAINT "Reward_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExtendedWarrantyPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardCoupon" ADD CONSTRAINT "RewardCoupon_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardCoupon" ADD CONSTRAINT "RewardCoupon_redemptionId_fkey" FOREIGN KEY ("redemptionId") REFERENCES "Redemption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAdjustment" ADD CONSTRAINT "PointsAdjustment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAdjustment" ADD CONSTRAINT "PointsAdjustment_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAdjustment" ADD CONSTRAINT "PointsAdjustment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAdjustment" ADD CONSTRAINT "PointsAdjustment_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PointsEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsFlag" ADD CONSTRAINT "PointsFlag_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "PointsLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsFlag" ADD CONSTRAINT "PointsFlag_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the ledger's rules, kept by the database itself (decision 0010).
-- ---------------------------------------------------------------------------------------------

-- Customer wallets belong to a customer and carry a balance; program accounts are one per kind.
ALTER TABLE "PointsAccount"
  ADD CONSTRAINT "PointsAccount_owner_matches_kind"
    CHECK (("userId" IS NOT NULL) = (kind IN ('PENDING', 'AVAILABLE', 'DEBT'))),
  ADD CONSTRAINT "PointsAccount_balance_only_for_wallets"
    CHECK (("userId" IS NOT NULL) = (balance IS NOT NULL)),
  -- No race and no bug can overspend: a wallet below zero (a debt above zero) aborts the transaction.
  ADD CONSTRAINT "PointsAccount_balance_sign"
    CHECK (kind NOT IN ('PENDING', 'AVAILABLE') OR balance >= 0),
  ADD CONSTRAINT "PointsAccount_debt_sign"
    CHECK (kind <> 'DEBT' OR balance <= 0);
CREATE UNIQUE INDEX "PointsAccount_program_kind" ON "PointsAccount" (kind) WHERE "userId" IS NULL;
INSERT INTO "PointsAccount" (id, kind) VALUES
  ('program:ISSUED', 'ISSUED'),
  ('program:REDEEMED', 'REDEEMED'),
  ('program:EXPIRED', 'EXPIRED'),
  ('program:ADJUSTMENT', 'ADJUSTMENT');

ALTER TABLE "PointsPosting" ADD CONSTRAINT "PointsPosting_amount_not_zero" CHECK (amount <> 0);

ALTER TABLE "PointsLot"
  ADD CONSTRAINT "PointsLot_amounts"
    CHECK (points > 0 AND "debtRepaid" >= 0 AND "debtRepaid" <= points AND remaining >= 0 AND remaining <= points - "debtRepaid");

-- Lots with points left, for spending (oldest expiry first) and for the release and expiry jobs.
CREATE INDEX "PointsLot_open_by_user" ON "PointsLot" ("userId", "expiresAt") WHERE remaining > 0;
CREATE INDEX "PointsLot_open_by_expiry" ON "PointsLot" ("expiresAt") WHERE remaining > 0;
CREATE INDEX "PointsLot_unreleased" ON "PointsLot" ("availableFrom") WHERE "releasedAt" IS NULL AND remaining > 0;

-- Append-only, as the audit log: entries, their postings and lot uses are never changed or removed.
CREATE FUNCTION points_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "PointsEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "PointsEntry"
  FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only();
CREATE TRIGGER "PointsEntry_no_truncate" BEFORE TRUNCATE ON "PointsEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_append_only();
CREATE TRIGGER "PointsPosting_no_update_delete" BEFORE UPDATE OR DELETE ON "PointsPosting"
  FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only();
CREATE TRIGGER "PointsPosting_no_truncate" BEFORE TRUNCATE ON "PointsPosting"
  FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_append_only();
CREATE TRIGGER "PointsLotUse_no_update_delete" BEFORE UPDATE OR DELETE ON "PointsLotUse"
  FOR EACH ROW EXECUTE FUNCTION points_ledger_append_only();
CREATE TRIGGER "PointsLotUse_no_truncate" BEFORE TRUNCATE ON "PointsLotUse"
  FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_append_only();

-- A wallet's balance is the sum of its postings: each posting adds itself, in the same statement,
-- so no code path can forget it (the reconciliation still proves it every night).
CREATE FUNCTION points_posting_to_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PointsAccount" SET balance = balance + NEW.amount WHERE id = NEW."accountId" AND balance IS NOT NULL;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PointsPosting_balance" AFTER INSERT ON "PointsPosting"
  FOR EACH ROW EXECUTE FUNCTION points_posting_to_balance();

-- Every entry balances (its postings sum to zero, at least two of them), checked at commit.
CREATE FUNCTION points_entry_balanced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  entry_id text;
  total bigint;
  legs int;
BEGIN
  -- Fields are resolved when a statement runs, so each table's row is read in its own branch.
  IF TG_TABLE_NAME = 'PointsEntry' THEN
    entry_id := NEW.id;
  ELSE
    entry_id := NEW."entryId";
  END IF;
  SELECT COALESCE(SUM(amount), 0), COUNT(*) INTO total, legs FROM "PointsPosting" WHERE "entryId" = entry_id;
  IF total <> 0 OR legs < 2 THEN
    RAISE EXCEPTION 'points entry % does not balance (sum %, % postings)', entry_id, total, legs
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "PointsEntry_balanced" AFTER INSERT ON "PointsEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_entry_balanced();
CREATE CONSTRAINT TRIGGER "PointsPosting_balanced" AFTER INSERT ON "PointsPosting"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_entry_balanced();

INSERT INTO "PointsProgram" (id, "updatedAt") VALUES (1, now());

-- The built-in earning rules, version 1 (admins change them; each change is a new version).
INSERT INTO "PointsRule" (id, kind, code) VALUES
  ('rule-registration', 'PRODUCT_REGISTRATION', 'registration'),
  ('rule-repair-rating', 'REPAIR_RATING', 'repair_rating'),
  ('rule-profile', 'PROFILE_COMPLETION', 'profile');
INSERT INTO "PointsRuleVersion" (id, "ruleId", version, "nameJa", "nameEn", points, "pendingDays", "expiryMonths", note) VALUES
  ('rule-registration-v1', 'rule-registration', 1, '製品登録', 'Product registration', 100, 14, 12, 'initial'),
  ('rule-repair-rating-v1', 'rule-repair-rating', 1, '修理の評価', 'Repair rating', 30, 0, 12, 'initial'),
  ('rule-profile-v1', 'rule-profile', 1, 'プロフィールの入力', 'Completing your profile', 50, 0, 12, 'initial');
