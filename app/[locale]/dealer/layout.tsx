import { AreaShell } from "@/components/area-shell";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function DealerLayout({ children }: LayoutProps<"/[locale]/dealer">) {
  await requireArea("dealer");
  return <AreaShell>{children}</AreaShell>;
}
