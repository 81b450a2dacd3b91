import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage({ params }: PageProps<"/[locale]/signup">) {
  await enterLocale(params);
  const t = await getTranslations("signUp");
  return (
    <AuthPage title={t("title")} lead={t("lead")}>
      <SignUpForm />
      <p className="pt-2 text-center text-sm">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="font-semibold text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </AuthPage>
  );
}
