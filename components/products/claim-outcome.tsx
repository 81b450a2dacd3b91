import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { CLAIM_NEXT_STEP, isClaimRejectReason } from "@/lib/products/claim-reasons";

/**
 * What staff decided about a customer's ownership claim, under its line in My products: for a
 * rejection the reason and what the customer can do next (a new request with better proof, or
 * support); staff's message, if any, with either decision.
 */
export async function ClaimOutcome({
  claim,
}: {
  claim: { status: string; decisionReason: string | null; decisionNote: string | null; unit: { serial: string } };
}) {
  if (claim.status === "OPEN") return null;
  const t = await getTranslations("products");
  const reason = claim.status === "REJECTED" ? (isClaimRejectReason(claim.decisionReason) ? claim.decisionReason : "other") : null;
  if (!reason && !claim.decisionNote) return null;
  const next = reason ? CLAIM_NEXT_STEP[reason] : null;
  return (
    <dl className="mt-2 space-y-1" data-testid="claim-outcome">
      {reason && (
        <div>
          <dt className="inline font-medium">{t("claimReasonLabel")}: </dt>
          <dd className="inline">{t(`claimReasons.${reason}`)}</dd>
        </div>
      )}
      {claim.decisionNote && (
        <div>
          <dt className="inline font-medium">{t("claimNoteLabel")}: </dt>
          <dd className="inline whitespace-pre-line [unicode-bidi:isolate]">{claim.decisionNote}</dd>
        </div>
      )}
      {next && (
        <div>
          <dt className="inline font-medium">{t("claimNextLabel")}: </dt>
          <dd className="inline">
            {t(`claimNext.${next}`)}
            {next === "newClaim" && (
              <>
                {" "}
                <Link
                  href={{ pathname: "/mypage/products/claim", query: { serial: claim.unit.serial } }}
                  className="text-brand-700 underline"
                >
                  {t("claimNewRequest")}
                </Link>
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
