import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, type ClientMessagesScope } from "@/lib/i18n/client-messages";

/** The message provider of one part of the portal: only the namespaces its client components use (lib/i18n/client-messages.ts). */
export async function ClientMessages({ scope, children }: { scope: ClientMessagesScope; children: ReactNode }) {
  const messages = clientMessages(await getMessages(), scope);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
