import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { TableScroll } from "@/components/ui/table-scroll";

/** Shown on the sign-in page in demo mode only (DEMO_MODE=true), never in production. */
export async function DemoAccounts({
  accounts,
  password,
  totpCode,
}: {
  accounts: readonly { email: string; role: Role }[];
  password: string;
  /** Current code of the demo staff accounts' second factor. */
  totpCode: string;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="demo-accounts" className="mt-10 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="demo-accounts" className="font-semibold text-amber-950">
        {t("signIn.demoTitle")}
      </h2>
      <p className="mt-1 text-sm text-amber-950">{t("signIn.demoLead")}</p>
      <TableScroll label={t("signIn.demoTitle")} className="mt-3 [--table-scroll-bg:var(--color-amber-50)]">
        <table className="w-full text-left text-sm text-amber-950">
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">
                {t("signIn.demoRole")}
              </th>
              <th scope="col" className="py-1 pr-3">
                {t("signIn.demoEmail")}
              </th>
              <th scope="col" className="py-1">
                {t("signIn.demoPassword")}
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.email} className="border-t border-amber-200">
                <td className="py-1 pr-3">{t(`roles.${account.role}`)}</td>
                <td className="py-1 pr-3 font-mono whitespace-nowrap">{account.email}</td>
                <td className="py-1 font-mono whitespace-nowrap">{password}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="mt-3 text-sm text-amber-950">{t("signIn.demoTotp", { code: totpCode })}</p>
    </section>
  );
}
