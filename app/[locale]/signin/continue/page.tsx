import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/permissions";
import { enterLocale } from "@/lib/i18n/page";
import { redirect } from "@/lib/i18n/navigation";

/** Where a provider sign-in lands: on to the user's area, or back to sign-in. */
export default async function ContinuePage({ params }: PageProps<"/[locale]/signin/continue">) {
  await enterLocale(params);
  const user = await getCurrentUser();
  redirect({ href: user ? homePathFor(user.role) : "/signin", locale: await getLocale() });
}
