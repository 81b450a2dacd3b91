import { ClientMessages } from "@/components/client-messages";

/** This section's own message namespaces for the browser (lib/i18n/client-messages.ts). */
export default function Layout({ children }: LayoutProps<"/[locale]/admin/points">) {
  return <ClientMessages scope="admin/points">{children}</ClientMessages>;
}
