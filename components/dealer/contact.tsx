import { getTranslations } from "next-intl/server";
import { UserText } from "@/components/ui/user-text";
import type { DealerContact } from "@/lib/dealers/masking";

/** A customer as a dealer sees them: masked, or in full with the reason said next to it. */
export async function ContactSummary({ contact, compact = false }: { contact: DealerContact; compact?: boolean }) {
  const t = await getTranslations("dealer.contact");
  return (
    <span className="flex flex-col">
      <UserText className="font-medium">{contact.name}</UserText>
      {!compact && <span className="text-sm break-all text-slate-700">{contact.email}</span>}
      {!compact && contact.phone && <span className="text-sm text-slate-700">{contact.phone}</span>}
      <span className={`text-xs ${contact.revealed ? "text-green-800" : "text-slate-600"}`}>
        {contact.revealed ? t(`revealed.${contact.revealed}`) : t("masked")}
      </span>
    </span>
  );
}
