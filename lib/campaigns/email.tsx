import "server-only";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, render, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A campaign's email (issue 15), built with React Email's components: table-based HTML that mail
 * clients render alike, and a plain-text part. The admin's text is plain: React escapes it, and
 * line breaks become paragraphs. Rendered once per language per batch with placeholder links,
 * which `personalise` replaces for each recipient.
 */
export const CLICK_PLACEHOLDER = "https://portal.invalid/__click__";
export const UNSUBSCRIBE_PLACEHOLDER = "https://portal.invalid/__unsubscribe__";

export type CampaignEmailContent = {
  subject: string;
  body: string;
  linkLabel: string | null;
  /** The campaign invites to a survey: without a link of its own, the button leads there. */
  survey: boolean;
  /** The purpose's name, for "you receive this because …". */
  purposeName: string;
};

const CATALOGS = { ja, en } as const;

function CampaignEmail({ content, locale }: { content: CampaignEmailContent; locale: Locale }) {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "campaignEmail" });
  const paragraphs = content.body.split(/\n{2,}/);
  const button = content.linkLabel ?? (content.survey ? t("answerSurvey") : null);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{paragraphs[0]!.slice(0, 120)}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "sans-serif", color: "#1f2937" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px", backgroundColor: "#ffffff" }}>
          <Text style={{ fontSize: "14px", color: "#1d4ed8", fontWeight: 600 }}>{t("brand")}</Text>
          <Heading as="h1" style={{ fontSize: "22px", lineHeight: "1.4" }}>
            {content.subject}
          </Heading>
          {paragraphs.map((paragraph, index) => (
            <Text key={index} style={{ fontSize: "16px", lineHeight: "1.7", whiteSpace: "pre-line" }}>
              {paragraph}
            </Text>
          ))}
          {button && (
            <Section style={{ margin: "24px 0" }}>
              <Button
                href={CLICK_PLACEHOLDER}
                style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: 600 }}
              >
                {button}
              </Button>
            </Section>
          )}
          <Hr style={{ borderColor: "#e5e7eb" }} />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{t("why", { purpose: content.purposeName })}</Text>
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>
            <Link href={UNSUBSCRIBE_PLACEHOLDER} style={{ color: "#1d4ed8" }}>
              {t("unsubscribe")}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export type RenderedCampaignEmail = { subject: string; html: string; text: string };

export async function renderCampaignEmail(content: CampaignEmailContent, locale: Locale): Promise<RenderedCampaignEmail> {
  const element = <CampaignEmail content={content} locale={locale} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: content.subject, html, text };
}

/** The rendered email with one recipient's links (click-through and unsubscribe). */
export function personalise(email: RenderedCampaignEmail, links: { click: string; unsubscribe: string }): RenderedCampaignEmail {
  const fill = (value: string) => value.replaceAll(CLICK_PLACEHOLDER, links.click).replaceAll(UNSUBSCRIBE_PLACEHOLDER, links.unsubscribe);
  return { subject: email.subject, html: fill(email.html), text: fill(email.text) };
}
