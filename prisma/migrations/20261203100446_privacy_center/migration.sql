-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "erasureRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsentPurpose" (
    "id" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "perDealer" BOOLEAN NOT NULL DEFAULT false,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentPurpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "summaryJa" TEXT,
    "summaryEn" TEXT,
    "requiresReacceptance" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "storage" "FileStorage",
    "storageKey" TEXT,
    "byteSize" INTEGER,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountErasure" (
    "userId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "holds" JSONB,
    "sealedNotice" TEXT,

    CONSTRAINT "AccountErasure_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "RetentionRule" (
    "kind" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "RetentionRule_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "trigger" TEXT NOT NULL,
    "removed" JSONB,
    "error" TEXT,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyVersion_purposeId_publishedAt_idx" ON "PolicyVersion"("purposeId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_purposeId_version_key" ON "PolicyVersion"("purposeId", "version");

-- CreateIndex
CREATE INDEX "DataExport_userId_requestedAt_idx" ON "DataExport"("userId", "requestedAt");

-- CreateIndex
CREATE INDEX "DataExport_expiresAt_idx" ON "DataExport"("expiresAt");

-- CreateIndex
CREATE INDEX "RetentionRun_startedAt_idx" ON "RetentionRun"("startedAt");

-- CreateIndex
CREATE INDEX "Consent_purpose_grantedAt_idx" ON "Consent"("purpose", "grantedAt");

-- Consent purposes and the first version of each text (until now in lib/consents/documents).
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('terms', true, false, '利用規約', 'Terms of use', 'マイページを使うための約束ごとです。', 'The rules for using My Page.', 10);
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('privacy', true, false, 'プライバシーポリシー', 'Privacy policy', 'お預かりする個人情報と、その使い方です。', 'The personal data we keep and how we use it.', 20);
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('marketing_email', false, false, 'メールでのお知らせ', 'Email about campaigns and products', 'キャンペーン、新製品、お手入れのご案内をメールで受け取ります。', 'Receive emails about campaigns, new products and product care.', 30);
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('research', false, false, '製品調査・アンケート', 'Product research and surveys', 'アンケートや調査のご案内を受け取り、回答を製品開発に使うことを認めます。', 'Receive survey invitations and let us use your answers to develop products.', 40);
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('dealer_share', false, true, '購入した販売店への連絡先の提供', 'Contact details for the dealer of a purchase', '製品を購入した販売店が、あなたの連絡先を伏せ字なしで見られるようにします。販売店ごとに選べます。', 'Let the dealer that sold you a product see your contact details unmasked. You choose per dealer.', 50);
INSERT INTO "ConsentPurpose" ("id","required","perDealer","nameJa","nameEn","descriptionJa","descriptionEn","sortOrder") VALUES ('analytics', false, false, '利用状況の分析', 'Usage analytics', 'マイページの使われ方を分析し、サービスの改善に使うことを認めます。', 'Let us analyse how My Page is used to improve the service.', 60);
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_terms_1', 'terms', '2026-11-01', $doc$# 利用規約

本規約は、オーナーズポータル(以下「本サービス」)の利用条件を定めるものです。

1. 本サービスは、製品の登録、保証の確認、修理の依頼、サポートとのやり取り、ポイントの利用のために提供されます。
2. 会員は、登録情報を正確に保ち、パスワードや認証アプリを第三者と共有しないものとします。
3. 製品の登録は、実際に購入または譲り受けた製品に限ります。他人の製品を登録してはなりません。
4. 当社は、不正な利用が疑われる場合、アカウントを停止することがあります。
5. 本規約を変更する場合は、本サービス上で通知し、改めて同意をお願いします。
$doc$, $doc$# Terms of use

These terms set out how you may use the Owners Portal (the "service").

1. The service lets you register products, check warranties, request repairs, talk to support and use points.
2. Keep your details accurate, and do not share your password or authenticator app with anyone.
3. Register only products you bought or received. Do not register products that belong to others.
4. We may suspend an account when we suspect misuse.
5. When these terms change, we tell you in the service and ask for your agreement again.
$doc$, '484d5bb9d51d0df842e55048441f569fe9d0c9c634ff8a6445acdb0181d84f47', '2026-11-01 00:00:00');
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_privacy_1', 'privacy', '2026-11-01', $doc$# プライバシーポリシー

当社は、本サービスで次の個人情報を取り扱います。

1. 取得する情報: メールアドレス、氏名、フリガナ、電話番号、住所、登録製品、修理の記録、ポイントの履歴、サインインの記録。
2. 利用目的: 会員の本人確認、保証と修理の提供、安全に関するお知らせ(リコール)、ポイントの管理、不正利用の防止。
3. 販売店には、その販売店で購入された製品に関する情報のみを、必要な範囲で伏せ字にして提供します。
4. 会員は、いつでも自分のデータをダウンロードし、アカウントの削除を求めることができます。法令により保存が必要な記録は、保存期間の間、個人を特定できない形で保持します。
5. 安全管理のため、サインインや管理者による閲覧は監査ログに記録されます。
$doc$, $doc$# Privacy policy

We handle the following personal data in the service.

1. What we collect: email address, name and its reading, phone number, address, registered products, repair records, points history, sign-in records.
2. Why: to identify members, provide warranty and repair service, send safety notices (recalls), manage points and prevent misuse.
3. Dealers see only data about products sold by them, masked except where a purpose requires otherwise.
4. You can download your data and ask for your account to be erased at any time. Records the law requires us to keep are kept, without your identity, for their retention period.
5. For security, sign-ins and staff views of personal data are written to an audit log.
$doc$, '3bff9096441bacc4afe5b4f9e1d49e57642a10e86403c3f7dd1f923efd491396', '2026-11-01 00:00:00');
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_marketing_email_1', 'marketing_email', '2026-12-03', $doc$# メールでのお知らせ（キャンペーン・新製品）について

ご了承いただいた場合、キャンペーン、新製品、お持ちの製品のお手入れのご案内をメールでお送りします。

1. お送りするのは、登録されたメールアドレスだけです。第三者に提供することはありません。
2. お送りする頻度は、多くても月に4回までです。
3. リコールなど安全に関わるお知らせは、この同意とは関係なくお送りします。
4. マイページの「プライバシーと設定」から、いつでも1回の操作で取り消せます。メールの配信停止リンクからも取り消せます。
$doc$, $doc$# Email about campaigns and new products

If you agree, we send you emails about campaigns, new products and care of the products you own.

1. We send them only to the email address you registered, and never give it to third parties.
2. We send at most four such emails a month.
3. Safety notices such as recalls are sent whatever you choose here.
4. You can withdraw at any time in one step under "Privacy and preferences" on My Page, or through the unsubscribe link in each email.
$doc$, '991630c91b4109edac048f5d04ba13ea355eb48f861bd0b9bdd96ff30e56334f', '2026-12-03 00:00:00');
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_research_1', 'research', '2026-12-03', $doc$# 製品調査・アンケートへのご協力について

ご了承いただいた場合、製品の改善のためのアンケートや調査のご案内をお送りし、ご回答を製品開発に使います。

1. ご回答は、製品の企画・改善と品質の分析に使います。個人を特定できる形で公開することはありません。
2. ご案内は、メールとマイページのお知らせでお送りします。
3. ご回答いただくかどうかは、毎回お客様が選べます。
4. マイページからいつでも1回の操作で取り消せます。取り消した後は、調査のご案内をお送りしません。
$doc$, $doc$# Product research and surveys

If you agree, we invite you to surveys and product research and use your answers to develop our products.

1. Answers are used to plan and improve products and to analyse quality. They are never published in a form that identifies you.
2. Invitations come by email and as notices on My Page.
3. Whether to answer is your choice each time.
4. You can withdraw at any time in one step on My Page; after that we send you no research invitations.
$doc$, '20e0b8b853f829927a4de133b32b830f4639165f2af268f85bdea5fda455a496', '2026-12-03 00:00:00');
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_dealer_share_1', 'dealer_share', '2026-12-03', $doc$# 販売店への連絡先の提供について

ご了承いただいた場合、製品を購入された販売店が、お客様の氏名・メールアドレス・電話番号・都道府県を伏せ字なしで閲覧できるようになります。その製品についてのご連絡（お手入れのご案内、リコール、店舗でお預かりした修理など）に使います。

1. 閲覧できるのは、ご指定の販売店だけです。その販売店が販売したお客様の情報に限られます。
2. ご了承いただかない場合、販売店には伏せ字で表示されます（例: t***@example.com、090-****-1234）。
3. 販売店が伏せ字なしで閲覧するたびに、理由とともに監査ログに記録されます。
4. マイページからいつでも1回の操作で取り消せます。取り消した後、販売店には次の表示から伏せ字で表示されます。
$doc$, $doc$# Sharing your contact details with a dealer

When you allow it, the dealer that sold you a product can see your name, email address, phone number and prefecture in full, to contact you about that product (maintenance, a recall, a repair you left at the shop).

1. Only the dealer you name sees them, and only for customers of its own sales.
2. Without this permission the dealer sees them masked (for example t***@example.com, 090-****-1234).
3. Every time the dealer sees your details in full, it is written to the audit log with the reason.
4. You can withdraw the permission at any time, in one step, from My Page; the dealer then sees masked details again from its next page view.
$doc$, 'f14e967f4af808926a72a2780d1f848aa12abc0ea75132d895416ea088822d13', '2026-12-03 00:00:00');
INSERT INTO "PolicyVersion" ("id","purposeId","version","textJa","textEn","textHash","publishedAt") VALUES ('pv_analytics_1', 'analytics', '2026-12-03', $doc$# 利用状況の分析について

ご了承いただいた場合、マイページの使われ方（表示したページ、使った機能）を分析し、サービスの改善に使います。

1. 分析は当社のサーバー内で行い、広告会社など第三者には提供しません。
2. 分析の結果は、個人を特定できない集計として使います。
3. ご了承いただかなくても、すべての機能をお使いいただけます。
4. マイページからいつでも1回の操作で取り消せます。
$doc$, $doc$# Usage analytics

If you agree, we analyse how My Page is used (the pages you view, the features you use) to improve the service.

1. The analysis runs on our own servers; nothing is given to advertisers or other third parties.
2. Results are used only as totals that do not identify anyone.
3. Every feature works whether you agree or not.
4. You can withdraw at any time in one step on My Page.
$doc$, '9c7ed872bfb1a12fb8941e34ad35e10f754d9322390c44d3ce9c8c9a091b399b', '2026-12-03 00:00:00');


-- How long each kind of record is kept, in days (admins change them at /admin/privacy/retention).
INSERT INTO "RetentionRule" ("kind","days","updatedAt") VALUES
  ('repair_records', 2555, CURRENT_TIMESTAMP),
  ('warranty_records', 3650, CURRENT_TIMESTAMP),
  ('points_ledger', 3650, CURRENT_TIMESTAMP),
  ('consent_proofs', 1825, CURRENT_TIMESTAMP),
  ('audit_events', 730, CURRENT_TIMESTAMP),
  ('outbox_emails', 90, CURRENT_TIMESTAMP),
  ('data_exports', 7, CURRENT_TIMESTAMP);

-- At most one export in progress per customer: a second request (a double click, a retry) finds it.
CREATE UNIQUE INDEX "DataExport_one_in_progress" ON "DataExport"("userId") WHERE "status" IN ('QUEUED', 'RUNNING');

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_purpose_fkey" FOREIGN KEY ("purpose") REFERENCES "ConsentPurpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "ConsentPurpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountErasure" ADD CONSTRAINT "AccountErasure_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
