import "server-only";
import { recordAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localDateOf } from "@/lib/warranty/local-date";
import { parseAnswer, parseOptions, type AnswerValue } from "./schemas";

/**
 * A customer's answers to profile attributes (issue 15): theirs to see, change and remove on their
 * profile, each shown with why the brand asks.
 */
export type AttributeWithAnswer = {
  id: string;
  code: string;
  type: "CHOICE" | "MULTI_CHOICE" | "NUMBER" | "DATE" | "YES_NO";
  label: { ja: string; en: string };
  purpose: { ja: string; en: string };
  options: { value: string; label: { ja: string; en: string } }[];
  minNumber: number | null;
  maxNumber: number | null;
  archived: boolean;
  /** As a form holds it: "" / one value / several values. */
  answer: string | string[] | null;
  answeredAt: Date | null;
};

type AttributeRow = Prisma.ProfileAttributeGetPayload<object>;
type AnswerRow = Prisma.AttributeAnswerGetPayload<object>;

export function formValue(type: AttributeRow["type"], answer: AnswerRow | undefined): string | string[] | null {
  if (!answer) return null;
  switch (type) {
    case "CHOICE":
      return answer.choices[0] ?? null;
    case "MULTI_CHOICE":
      return answer.choices;
    case "NUMBER":
      return answer.number === null ? null : String(answer.number);
    case "DATE":
      return answer.date ? localDateOf(answer.date) : null;
    case "YES_NO":
      return answer.yes === null ? null : answer.yes ? "yes" : "no";
  }
}

export function toAttributeView(attribute: AttributeRow, answer: AnswerRow | undefined): AttributeWithAnswer {
  return {
    id: attribute.id,
    code: attribute.code,
    type: attribute.type,
    label: { ja: attribute.labelJa, en: attribute.labelEn },
    purpose: { ja: attribute.purposeJa, en: attribute.purposeEn },
    options: parseOptions(attribute.options).map((option) => ({ value: option.value, label: { ja: option.labelJa, en: option.labelEn } })),
    minNumber: attribute.minNumber,
    maxNumber: attribute.maxNumber,
    archived: attribute.archivedAt !== null,
    answer: formValue(attribute.type, answer),
    answeredAt: answer?.updatedAt ?? null,
  };
}

/** Attributes still asked, and archived ones the customer has answered (theirs to remove). */
export async function myAttributes(userId: string): Promise<AttributeWithAnswer[]> {
  const [attributes, answers] = await Promise.all([
    db.profileAttribute.findMany({ orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] }),
    db.attributeAnswer.findMany({ where: { userId } }),
  ]);
  const byAttribute = new Map(answers.map((answer) => [answer.attributeId, answer]));
  return attributes
    .filter((attribute) => attribute.archivedAt === null || byAttribute.has(attribute.id))
    .map((attribute) => toAttributeView(attribute, byAttribute.get(attribute.id)));
}

/**
 * Save the answers given by code. `emptyRemoves`: on the profile an emptied field removes the
 * answer; in a prompt an empty field is a question left unanswered. Every problem of every field
 * is reported at once, and nothing is saved unless all are valid.
 */
export async function saveAnswers(
  userId: string,
  raw: Record<string, string | string[]>,
  options: { source: "prompt" | "profile" | "survey"; emptyRemoves: boolean; tx?: Prisma.TransactionClient },
): Promise<string[]> {
  const client = options.tx ?? db;
  const codes = Object.keys(raw);
  const attributes = await client.profileAttribute.findMany({ where: { code: { in: codes } } });
  const existing = await client.attributeAnswer.findMany({ where: { userId, attributeId: { in: attributes.map((a) => a.id) } } });
  const errors: Record<string, string> = {};
  const writes: { attributeId: string; code: string; value: AnswerValue | null }[] = [];
  for (const code of codes) {
    const attribute = attributes.find((candidate) => candidate.code === code);
    if (!attribute) {
      errors[`answers.${code}`] = "validation.invalid";
      continue;
    }
    const parsed = parseAnswer(attribute, raw[code]);
    if (parsed && "error" in parsed) errors[`answers.${code}`] = parsed.error;
    else if (attribute.archivedAt && parsed) {
      // An archived attribute is no longer asked: its answer can be kept as it is or removed, not changed.
      const kept = formValue(
        attribute.type,
        existing.find((answer) => answer.attributeId === attribute.id),
      );
      if (JSON.stringify(kept) !== JSON.stringify(Array.isArray(raw[code]) ? raw[code] : String(raw[code]).trim())) {
        errors[`answers.${code}`] = "profiling.noLongerAsked";
      }
    } else writes.push({ attributeId: attribute.id, code, value: parsed });
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", { cause: errors });
  const changed: string[] = [];
  const apply = async (tx: Prisma.TransactionClient) => {
    for (const write of writes) {
      if (write.value === null) {
        if (!options.emptyRemoves) continue;
        const { count } = await tx.attributeAnswer.deleteMany({ where: { userId, attributeId: write.attributeId } });
        if (count) changed.push(write.code);
        continue;
      }
      const data = {
        choices: write.value.choices,
        number: write.value.number,
        date: write.value.date ? new Date(`${write.value.date}T00:00:00Z`) : null,
        yes: write.value.yes,
        source: options.source,
      };
      await tx.attributeAnswer.upsert({
        where: { userId_attributeId: { userId, attributeId: write.attributeId } },
        create: { userId, attributeId: write.attributeId, ...data },
        update: data,
      });
      changed.push(write.code);
    }
  };
  if (options.tx) await apply(options.tx);
  else await db.$transaction(apply);
  if (changed.length && options.source === "profile") {
    await recordAudit({
      action: "profile.updated",
      outcome: "SUCCESS",
      actorId: userId,
      subjectIds: [userId],
      details: { attributes: changed },
    });
  }
  return changed;
}
