import { writeCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";
import { exportSegment } from "@/lib/segments/segments";

export const dynamic = "force-dynamic";

/** A segment's members as CSV, masked (no contact details), audited; for segment admins only, anyone else 404. */
export const GET = defineRoute<{ id: string }>(
  { permission: "segments.manage", hideWhenDenied: true },
  async (request, { user, params }) => {
    const en = new URL(request.url).searchParams.get("locale") === "en";
    const exported = params.id.length <= 40 ? await exportSegment(user.id, params.id) : null;
    if (!exported) throw new AppError("NOT_FOUND");
    const header = en
      ? ["Reference", "Name (masked)", "Email (masked)", "Prefecture", "Products", "Member since"]
      : ["参照番号", "氏名(マスク)", "メール(マスク)", "都道府県", "製品数", "登録日"];
    const csv = writeCsv(
      header,
      exported.rows.map((row) => [row.id, row.name, row.email, row.prefecture, row.products, row.joinedAt]),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="segment-${params.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
