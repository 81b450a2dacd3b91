"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { chatFetch, chatKeys } from "./chat-client";

/** The unread count beside "Inquiries" / "Inbox", kept current by the chat stream (it invalidates the query). */
export function UnreadBadge({ initial }: { initial: number }) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const { data } = useQuery({
    queryKey: chatKeys.unread,
    queryFn: async () => (await chatFetch<{ count: number }>("/api/chat/unread", locale)).count,
    initialData: initial,
    staleTime: 30_000,
  });
  if (!data) return null;
  return (
    <span
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-bold text-white"
      data-testid="unread-badge"
    >
      <span aria-hidden="true">{data > 99 ? "99+" : data}</span>
      <span className="sr-only">{t("unread", { count: data })}</span>
    </span>
  );
}
