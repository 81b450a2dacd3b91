-- Webhook events written by the database itself (issue 16, decision 0014): each trigger adds an
-- outbox row in the transaction of the change, so an event is never lost between a commit and a
-- send, and never sent for a change that rolled back. Payloads hold ids and states only; personal
-- data is added per subscriber at dispatch, as its scopes allow.

-- A registration: a new owner of a unit, first-hand or received from a previous owner.
CREATE FUNCTION portal_webhook_ownership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebhookOutbox" ("type", "userId", "data")
  SELECT CASE WHEN NEW."transferredFromId" IS NULL THEN 'product.registered' ELSE 'product.transferred' END,
         NEW."userId",
         jsonb_build_object('productId', NEW."id", 'serialNumber', u."serial", 'model', m."code",
                            'previousProductId', NEW."transferredFromId")
  FROM "SerialUnit" u JOIN "ProductModel" m ON m."id" = u."modelId" WHERE u."id" = NEW."unitId";
  PERFORM pg_notify('webhook_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "Ownership_webhook" AFTER INSERT ON "Ownership" FOR EACH ROW EXECUTE FUNCTION portal_webhook_ownership();

-- A repair request opened, and every change of its status.
CREATE FUNCTION portal_webhook_repair() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" IS NOT DISTINCT FROM NEW."status" THEN RETURN NULL; END IF;
  INSERT INTO "WebhookOutbox" ("type", "userId", "data")
  VALUES ('repair.status_changed', NEW."customerId",
          jsonb_build_object('repairId', NEW."id", 'number', NEW."number", 'productId', NEW."ownershipId",
                             'from', CASE WHEN TG_OP = 'UPDATE' THEN OLD."status"::text END, 'to', NEW."status"::text));
  PERFORM pg_notify('webhook_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "RepairTicket_webhook" AFTER INSERT OR UPDATE OF "status" ON "RepairTicket" FOR EACH ROW EXECUTE FUNCTION portal_webhook_repair();

-- A points movement, at commit (its postings are written after the entry).
CREATE FUNCTION portal_webhook_points() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE moved integer;
BEGIN
  SELECT COALESCE(SUM(p."amount"), 0) INTO moved
  FROM "PointsPosting" p JOIN "PointsAccount" a ON a."id" = p."accountId"
  WHERE p."entryId" = NEW."id" AND a."userId" = NEW."userId" AND a."kind" IN ('PENDING', 'AVAILABLE');
  INSERT INTO "WebhookOutbox" ("type", "userId", "data")
  VALUES ('points.moved', NEW."userId", jsonb_build_object('entryId', NEW."id", 'kind', NEW."kind"::text, 'points', moved));
  PERFORM pg_notify('webhook_outbox', '');
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "PointsEntry_webhook" AFTER INSERT ON "PointsEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_webhook_points();

-- A consent given or withdrawn.
CREATE FUNCTION portal_webhook_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."withdrawnAt" IS NOT DISTINCT FROM NEW."withdrawnAt" THEN RETURN NULL; END IF;
  INSERT INTO "WebhookOutbox" ("type", "userId", "data")
  VALUES ('consent.changed', NEW."userId",
          jsonb_build_object('purpose', NEW."purpose", 'given', NEW."withdrawnAt" IS NULL, 'policyVersion', NEW."policyVersion"));
  PERFORM pg_notify('webhook_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "Consent_webhook" AFTER INSERT OR UPDATE OF "withdrawnAt" ON "Consent" FOR EACH ROW EXECUTE FUNCTION portal_webhook_consent();

-- An account erased (pseudonymised by the erasure job).
CREATE FUNCTION portal_webhook_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."erasedAt" IS NOT NULL OR NEW."erasedAt" IS NULL THEN RETURN NULL; END IF;
  INSERT INTO "WebhookOutbox" ("type", "userId", "data") VALUES ('account.erased', NEW."id", '{}'::jsonb);
  PERFORM pg_notify('webhook_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER "User_webhook_erasure" AFTER UPDATE OF "erasedAt" ON "User" FOR EACH ROW EXECUTE FUNCTION portal_webhook_erasure();
