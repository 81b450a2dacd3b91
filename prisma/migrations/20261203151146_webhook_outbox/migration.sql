-- CreateTable
CREATE TABLE "WebhookOutbox" (
    "id" BIGSERIAL NOT NULL,
    "eventId" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "data" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookOutbox_eventId_key" ON "WebhookOutbox"("eventId");

-- CreateIndex
CREATE INDEX "WebhookOutbox_dispatchedAt_id_idx" ON "WebhookOutbox"("dispatchedAt", "id");
