-- AlterTable
ALTER TABLE "CampaignRecipient" ADD COLUMN     "emailSentAt" TIMESTAMP(3),
ADD COLUMN     "emailSkipped" TEXT;

-- The notices inbox (issue 15) holds a row for every recall notice, kept with the notice by the
-- database whatever code path writes it: a new notice adds one, a notice that moves to the unit's
-- next owner moves (unread), and an acknowledged one counts as read.
CREATE FUNCTION recall_notice_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Notice" (id, "userId", kind, "recallNoticeId", "createdAt", "readAt")
  VALUES ('recall-' || NEW.id, NEW."userId", 'RECALL', NEW.id, NEW."notifiedAt", NEW."acknowledgedAt")
  ON CONFLICT ("recallNoticeId") DO UPDATE SET
    "userId" = EXCLUDED."userId",
    "createdAt" = CASE WHEN "Notice"."userId" = EXCLUDED."userId" THEN "Notice"."createdAt" ELSE EXCLUDED."createdAt" END,
    "readAt" = CASE WHEN "Notice"."userId" = EXCLUDED."userId" THEN COALESCE("Notice"."readAt", EXCLUDED."readAt") ELSE EXCLUDED."readAt" END;
  RETURN NEW;
END $$;

CREATE TRIGGER recall_notice_inbox AFTER INSERT OR UPDATE OF "userId", "acknowledgedAt" ON "RecallNotice"
  FOR EACH ROW EXECUTE FUNCTION recall_notice_inbox();
