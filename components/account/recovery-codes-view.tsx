"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("twoFactor");
  const download = () => {
    const blob = new Blob([`${t("recoveryFileHeader")}\n\n${codes.join("\n")}\n`], { type: "text/plain" });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement("a"), { href: url, download: "owners-portal-recovery-codes.txt" });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-3">
      <Alert tone="success">{t("recoveryLead")}</Alert>
      <ul aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={download}>
          {t("recoveryDownload")}
        </Button>
        <Button onClick={onDone}>{t("recoverySaved")}</Button>
      </div>
    </div>
  );
}
