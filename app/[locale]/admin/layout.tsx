import { AreaShell } from "@/components/area-shell";
import { ClientMessages } from "@/components/client-messages";
import { requireArea } from "@/lib/auth/permissions.server";

// The staff navigation comes from lib/navigation/nav.ts (filtered by permission in the header).
export default async function StaffLayout({ children }: LayoutProps<"/[locale]/admin">) {
  await requireArea("staff");
  return (
    <ClientMessages scope="admin">
      <AreaShell>{children}</AreaShell>
    </ClientMessages>
  );
}
