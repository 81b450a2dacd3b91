import { writeCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";
import { surveyCsv } from "@/lib/surveys/results";

export const dynamic = "force-dynamic";

/** A survey's responses as CSV (respondents pseudonymous), audited; for survey admins only, anyone else 404. */
export const GET = defineRoute<{ id: string }>(
  { permission: "surveys.manage", hideWhenDenied: true },
  async (request, { user, params }) => {
    const locale = new URL(request.url).searchParams.get("locale") === "en" ? "en" : "ja";
    const csv = params.id.length <= 40 ? await surveyCsv(user.id, params.id, locale) : null;
    if (!csv) throw new AppError("NOT_FOUND");
    return new Response(writeCsv(csv.header, csv.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="survey-${params.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
