import { z } from "zod";
import { FILE_PURPOSES, uploadPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/files/image-policy";
import { saveImageUpload } from "@/lib/files/uploads";
import { defineRoute } from "@/lib/route";

export const dynamic = "force-dynamic";

const ZPurpose = z.enum(FILE_PURPOSES);

function purposeOf(request: Request) {
  const parsed = ZPurpose.safeParse(new URL(request.url).searchParams.get("purpose"));
  if (!parsed.success) throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  return parsed.data;
}

/**
 * Upload one image as the raw request body (so the browser can report progress). The purpose
 * decides who may upload; the pipeline in lib/files decides what is kept.
 */
export const POST = defineRoute({ permission: (request) => uploadPermission(purposeOf(request)) }, async (request, { user }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", { messageKey: "files.tooLarge" });
  if (!request.body) throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  const file = await saveImageUpload(user.id, purposeOf(request), request.body);
  return Response.json(file, { status: 201, headers: { "Cache-Control": "no-store" } });
});
