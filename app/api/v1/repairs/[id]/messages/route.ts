import { defineApiRoute, readApiJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { addRepairMessage } from "@/lib/api/v1/repairs";
import { ZRepairMessage } from "@/lib/api/v1/schemas";

export const POST = defineApiRoute<{ id: string }>(ENDPOINTS.addRepairMessage, async (request, { caller, params }) => {
  const { message } = await readApiJson(request, ZRepairMessage);
  await addRepairMessage(caller.customer!, params.id, message);
  return new Response(null, { status: 204 });
});
