import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import type { RecallStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { checkSerialFormat, normalizeSerial, serialFormatOf } from "@/lib/products/serial-format";
import { affectedUnitsWhere, noticeCampaignOwners } from "./notices";
import type { TRecallCampaign } from "./schemas";

/**
 * Recall campaigns (admin): a model, narrowed by a serial range and/or lots, with a message in
 * both languages. Drafts can be checked (how many units and owners) before publishing; publishing
 * notifies every current owner and later owners get the notice when they register the unit.
 */
/** The stored fields of a campaign from the form, checked against the model's serial format. */
async function campaignData(input: TRecallCampaign) {
  const model = await db.productModel.findUnique({
    where: { code: input.modelCode },
    select: { id: true, serialPattern: true, checkDigit: true },
  });
  if (!model) throw new AppError("VALIDATION", { cause: { modelCode: "recalls.modelUnknown" } });
  const serialFrom = input.serialFrom ? normalizeSerial(input.serialFrom) : null;
  const serialTo = input.serialTo ? normalizeSerial(input.serialTo) : null;
  // Ranges compare serials as text, which is only the numeric order for serials of one length and
  // format: both ends must be real serials of the model (with their check character) and as long.
  const format = serialFormatOf(model);
  const problems: Record<string, string> = {};
  if (serialFrom && checkSerialFormat(serialFrom, format)) problems.serialFrom = "recalls.boundNotOfModel";
  if (serialTo && checkSerialFormat(serialTo, format)) problems.serialTo = "recalls.boundNotOfModel";
  if (serialFrom && serialTo && !problems.serialTo && serialFrom.length !== serialTo.length) problems.serialTo = "recalls.boundLengths";
  if (serialFrom && serialTo && !problems.serialTo && serialFrom > serialTo) problems.serialTo = "recalls.rangeReversed";
  if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", { cause: problems });
  const lots = input.lots
    .split(/[\s,、]+/)
    .map((lot) => lot.normalize("NFKC").trim())
    .filter(Boolean);
  return {
    code: input.code.trim().toUpperCase(),
    modelId: model.id,
    titleJa: input.titleJa,
    titleEn: input.titleEn,
    messageJa: input.messageJa,
    messageEn: input.messageEn,
    serialFrom,
    serialTo,
    lots,
  };
}

function codeTaken(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") throw new AppError("VALIDATION", { cause: { code: "recalls.codeTaken" } });
  throw error;
}

export async function createRecallCampaign(adminId: string, input: TRecallCampaign): Promise<{ id: string }> {
  const data = await campaignData(input);
  try {
    return await db.recallCampaign.create({ data: { ...data, createdById: adminId }, select: { id: true } });
  } catch (error) {
    codeTaken(error);
  }
}

/**
 * A draft that is no longer a draft: 404 when it does not exist, a clear refusal when it was
 * published (owners were told; what they were told must stay as it was).
 */
async function refuseUnlessDraft(campaignId: string): Promise<never> {
  const exists = await db.recallCampaign.findUnique({ where: { id: campaignId }, select: { status: true } });
  if (!exists) throw new AppError("NOT_FOUND");
  throw new AppError("CONFLICT", { messageKey: "recallsAdmin.publishedLocked" });
}

/** Change a draft. The status is part of the update's condition, so a publish in between wins. */
export async function updateRecallDraft(adminId: string, campaignId: string, input: TRecallCampaign): Promise<void> {
  const data = await campaignData(input);
  let count: number;
  try {
    ({ count } = await db.recallCampaign.updateMany({ where: { id: campaignId, status: "DRAFT" }, data }));
  } catch (error) {
    codeTaken(error);
  }
  if (count === 0) await refuseUnlessDraft(campaignId);
  await recordAudit({ action: "recall.updated", outcome: "SUCCESS", actorId: adminId, targetType: "RecallCampaign", targetId: campaignId });
}

/** Delete a draft (nobody was notified of it). Published campaigns stay. */
export async function deleteRecallDraft(adminId: string, campaignId: string): Promise<void> {
  const { count } = await db.recallCampaign.deleteMany({ where: { id: campaignId, status: "DRAFT" } });
  if (count === 0) await refuseUnlessDraft(campaignId);
  await recordAudit({ action: "recall.deleted", outcome: "SUCCESS", actorId: adminId, targetType: "RecallCampaign", targetId: campaignId });
}

/** Publish a draft and notify the owners. Publishing twice notifies nobody twice. */
/** What publishing sends: the draft's text and reach. */
const DRAFT_CONTENT = {
  modelId: true,
  titleJa: true,
  titleEn: true,
  messageJa: true,
  messageEn: true,
  serialFrom: true,
  serialTo: true,
  lots: true,
} as const;
type DraftContent = {
  modelId: string;
  titleJa: string;
  titleEn: string;
  messageJa: string;
  messageEn: string;
  serialFrom: string | null;
  serialTo: string | null;
  lots: string[];
};

/** A fingerprint of a draft's content: the page hands it to publish, which refuses a draft changed since. */
export function recallDraftVersion(content: DraftContent): string {
  const { modelId, titleJa, titleEn, messageJa, messageEn, serialFrom, serialTo, lots } = content;
  return createHash("sha256")
    .update(JSON.stringify([modelId, titleJa, titleEn, messageJa, messageEn, serialFrom, serialTo, lots]))
    .digest("base64url");
}

/**
 * Publish the draft the admin looked at (`version`, from the page): if another admin saved an edit
 * in between, publishing is refused instead of sending a text nobody reviewed. The update is
 * conditional on the content that was compared, so an edit landing between the check and the
 * update also wins.
 */
export async function publishRecallCampaign(adminId: string, campaignId: string, version?: string): Promise<{ notified: number }> {
  const draft = await db.recallCampaign.findFirst({ where: { id: campaignId, status: "DRAFT" }, select: DRAFT_CONTENT });
  if (draft && version !== undefined && recallDraftVersion(draft) !== version) {
    throw new AppError("CONFLICT", { messageKey: "recallsAdmin.changedSinceLoaded" });
  }
  const { count } = draft
    ? await db.recallCampaign.updateMany({
        where: { id: campaignId, status: "DRAFT", ...draft, lots: { equals: draft.lots } },
        data: { status: "PUBLISHED", publishedAt: new Date() },
      })
    : { count: 0 };
  if (count === 0 && draft && version !== undefined) throw new AppError("CONFLICT", { messageKey: "recallsAdmin.changedSinceLoaded" });
  if (count === 0 && !(await db.recallCampaign.findFirst({ where: { id: campaignId, status: "PUBLISHED" } })))
    throw new AppError("NOT_FOUND");
  const notified = await noticeCampaignOwners(campaignId);
  await recordAudit({
    action: "recall.published",
    outcome: "SUCCESS",
    actorId: adminId,
    targetType: "RecallCampaign",
    targetId: campaignId,
    details: { notified },
  });
  return { notified };
}

/** Staff record that an affected unit was fixed (by serial), for the completion rate. */
export async function markRecallCompleted(campaignId: string, serialInput: string): Promise<void> {
  const { count } = await db.recallNotice.updateMany({
    where: { campaignId, unit: { serial: normalizeSerial(serialInput) }, completedAt: null },
    data: { completedAt: new Date() },
  });
  if (count === 0) throw new AppError("VALIDATION", { cause: { serial: "recalls.noOpenNotice" } });
}

export type RecallSummary = {
  id: string;
  code: string;
  title: { ja: string; en: string };
  modelCode: string;
  status: RecallStatus;
  publishedAt: Date | null;
  affectedUnits: number;
  registeredUnits: number;
  notices: number;
  /** Notices whose email has not gone out (failed delivery): "send unsent" retries them. */
  unsent: number;
  acknowledged: number;
  completed: number;
  /** Shares of notified owners (0..1), null before anyone was notified. */
  readRate: number | null;
  fixedRate: number | null;
};

export async function listRecallCampaigns(onlyId?: string): Promise<RecallSummary[]> {
  const campaigns = await db.recallCampaign.findMany({
    where: onlyId ? { id: onlyId } : {},
    orderBy: { createdAt: "desc" },
    include: { model: { select: { code: true } } },
  });
  return Promise.all(
    campaigns.map(async (campaign) => {
      const units = affectedUnitsWhere(campaign);
      const [affectedUnits, registeredUnits, notices, unsent, acknowledged, completed] = await Promise.all([
        db.serialUnit.count({ where: units }),
        db.serialUnit.count({ where: { AND: [units, { ownerships: { some: { endedAt: null } } }] } }),
        db.recallNotice.count({ where: { campaignId: campaign.id } }),
        db.recallNotice.count({ where: { campaignId: campaign.id, emailSentAt: null, completedAt: null } }),
        db.recallNotice.count({ where: { campaignId: campaign.id, acknowledgedAt: { not: null } } }),
        db.recallNotice.count({ where: { campaignId: campaign.id, completedAt: { not: null } } }),
      ]);
      return {
        id: campaign.id,
        code: campaign.code,
        title: { ja: campaign.titleJa, en: campaign.titleEn },
        modelCode: campaign.model.code,
        status: campaign.status,
        publishedAt: campaign.publishedAt,
        affectedUnits,
        registeredUnits,
        notices,
        unsent,
        acknowledged,
        completed,
        // Rates count against the owners who were notified, not against all affected units.
        readRate: notices === 0 ? null : acknowledged / notices,
        fixedRate: notices === 0 ? null : completed / notices,
      };
    }),
  );
}

/** One campaign with its figures, or null. */
export async function getRecallCampaign(campaignId: string): Promise<
  | (RecallSummary & {
      message: { ja: string; en: string };
      serialFrom: string | null;
      serialTo: string | null;
      lots: string[];
      version: string;
    })
  | null
> {
  const campaign = await db.recallCampaign.findUnique({ where: { id: campaignId }, select: { id: true, ...DRAFT_CONTENT } });
  if (!campaign) return null;
  const [summary] = await listRecallCampaigns(campaign.id);
  if (!summary) return null;
  return {
    ...summary,
    message: { ja: campaign.messageJa, en: campaign.messageEn },
    serialFrom: campaign.serialFrom,
    serialTo: campaign.serialTo,
    lots: campaign.lots,
    version: recallDraftVersion(campaign),
  };
}
