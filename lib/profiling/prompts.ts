import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PromptMoment } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "@/lib/db-errors";
import { engagementSettings } from "./attributes";
import { saveAnswers, toAttributeView, type AttributeWithAnswer } from "./answers";

/**
 * Progressive profiling (issue 15): at a moment that makes sense, one prompt with the questions of
 * it the customer has not answered yet, never a prompt twice (shown once, then answered, skipped
 * or left), and never more than the set number shown in 30 days.
 */
export type PromptToShow = { id: string; questions: AttributeWithAnswer[] };

const DAY = 24 * 60 * 60 * 1000;

/** A prompt shown this recently and not yet answered or skipped is shown again (a reload, a second render). */
const STILL_SHOWING_MS = 15 * 60 * 1000;

const questionsOf = (userId: string) =>
  ({
    orderBy: { position: "asc" },
    where: { attribute: { archivedAt: null, answers: { none: { userId } } } },
    include: { attribute: true },
  }) as const;

/** The prompt of `moment` shown to the customer first among those still showing, if any. */
async function firstShowing(userId: string, moment: PromptMoment, now: Date) {
  const view = await db.profilePromptView.findFirst({
    where: { userId, outcome: "shown", shownAt: { gt: new Date(now.getTime() - STILL_SHOWING_MS) }, prompt: { moment, active: true } },
    orderBy: [{ shownAt: "asc" }, { id: "asc" }],
    include: { prompt: { include: { questions: questionsOf(userId) } } },
  });
  return view && view.prompt.questions.length > 0 ? view.prompt : null;
}

export async function promptFor(userId: string, moment: PromptMoment, now: Date = new Date()): Promise<PromptToShow | null> {
  const showing = await firstShowing(userId, moment, now);
  if (showing) return toShow(showing);
  const { maxPromptsPerMonth } = await engagementSettings();
  const recent = await db.profilePromptView.count({ where: { userId, shownAt: { gt: new Date(now.getTime() - 30 * DAY) } } });
  if (recent >= maxPromptsPerMonth) return null;
  const prompts = await db.profilePrompt.findMany({
    where: { moment, active: true, views: { none: { userId } } },
    // The newest first: an admin's latest prompt for a moment is the one they want asked now.
    orderBy: { createdAt: "desc" },
    include: { questions: questionsOf(userId) },
  });
  const prompt = prompts.find((candidate) => candidate.questions.length > 0);
  if (!prompt) return null;
  // Shown counts: it takes its place in the monthly limit and, once left, is not shown again.
  await db.profilePromptView.createMany({ data: [{ promptId: prompt.id, userId, outcome: "shown", shownAt: now }], skipDuplicates: true });
  // Two renders of a page at once (an action's redirect and the router's refresh) may each have
  // picked a prompt, the second another one: the first shown stays, the other is taken back.
  const first = await firstShowing(userId, moment, now);
  if (first && first.id !== prompt.id) {
    await db.profilePromptView.deleteMany({ where: { promptId: prompt.id, userId, outcome: "shown" } });
    return toShow(first);
  }
  return toShow(prompt);
}

function toShow(prompt: { id: string; questions: { attribute: Parameters<typeof toAttributeView>[0] }[] }): PromptToShow {
  return { id: prompt.id, questions: prompt.questions.map((question) => toAttributeView(question.attribute, undefined)) };
}

/**
 * The customer answered or skipped a prompt. Once per prompt: a second submit (double click,
 * retry) finds the first and changes nothing.
 */
export async function answerPrompt(
  userId: string,
  input: { promptId: string; skip: boolean; answers: Record<string, string | string[]> },
): Promise<{ outcome: "answered" | "skipped" | "already" }> {
  const prompt = await db.profilePrompt.findFirst({
    where: { id: input.promptId, active: true },
    include: { questions: { include: { attribute: { select: { code: true } } } } },
  });
  if (!prompt) throw new AppError("NOT_FOUND");
  const allowed = new Set(prompt.questions.map((question) => question.attribute.code));
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([code]) => allowed.has(code)));
  const answered = !input.skip && Object.values(answers).some((value) => (Array.isArray(value) ? value.length > 0 : value.trim() !== ""));
  const outcome = answered ? "answered" : "skipped";
  try {
    const done = await db.$transaction(async (tx) => {
      // The view written when it was shown takes the outcome; a second submit finds it taken.
      const { count } = await tx.profilePromptView.updateMany({
        where: { promptId: prompt.id, userId, outcome: "shown" },
        data: { outcome },
      });
      if (count === 0) {
        if (await tx.profilePromptView.findUnique({ where: { promptId_userId: { promptId: prompt.id, userId } } })) return false;
        await tx.profilePromptView.create({ data: { promptId: prompt.id, userId, outcome } });
      }
      if (answered) await saveAnswers(userId, answers, { source: "prompt", emptyRemoves: false, tx });
      return true;
    });
    if (!done) return { outcome: "already" };
  } catch (error) {
    if (isUniqueViolation(error, ["promptId", "userId"])) return { outcome: "already" };
    throw error;
  }
  return { outcome };
}
