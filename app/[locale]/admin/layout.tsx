import { AreaShell } from "@/components/area-shell";
import { requireArea } from "@/lib/auth/permissions.server";

// The staff navigation comes from lib/navigation/nav.ts (filtered by permission in the header).
export default async function StaffLayout({ children }: LayoutProps<"/[locale]/admin">) {
  await requireArea("staff");
  return <AreaShell>{children}</AreaShell>;
}
