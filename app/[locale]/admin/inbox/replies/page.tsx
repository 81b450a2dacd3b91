import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CannedReplyForm, CannedReplyItem } from "@/components/chat/canned-reply-forms";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listCannedReplies } from "@/lib/chat/canned-replies";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat.replies"))("title") };
}

/** Canned replies for the chat (issue 11), kept by leads and admins in both languages. */
export default async function CannedRepliesPage({ params }: PageProps<"/[locale]/admin/inbox/replies">) {
  await enterLocale(params);
  await requireStaffPage("/admin/inbox/replies");
  const [replies, t, inbox] = await Promise.all([listCannedReplies(), getTranslations("chat.replies"), getTranslations("chat.inbox")]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inbox" className="text-brand-700 underline">
          ← {inbox("title")}
        </Link>
      </p>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="max-w-4xl space-y-6">
        <Card title={t("addTitle")}>
          <CannedReplyForm />
        </Card>
        <Card title={t("listTitle")}>
          {replies.length === 0 ? (
            <p className="text-slate-700">{t("empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {replies.map((reply) => (
                <li key={reply.id} className="py-4 first:pt-0 last:pb-0" data-testid="canned-reply">
                  <CannedReplyItem
                    reply={{ id: reply.id, titleJa: reply.titleJa, titleEn: reply.titleEn, bodyJa: reply.bodyJa, bodyEn: reply.bodyEn }}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
