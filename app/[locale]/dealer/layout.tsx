import { AreaShell } from "@/components/area-shell";
import { ClientMessages } from "@/components/client-messages";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function DealerLayout({ children }: LayoutProps<"/[locale]/dealer">) {
  await requireArea("dealer");
  return (
    <ClientMessages scope="dealer">
      <AreaShell>{children}</AreaShell>
    </ClientMessages>
  );
}
