import { defineApiRoute, json, parseInput, queryOf } from "@/lib/api/route";
import { ENDPOINTS, ZStaffRepairQuery } from "@/lib/api/v1/endpoints";
import { staffRepairs } from "@/lib/api/v1/staff";

export const GET = defineApiRoute(ENDPOINTS.staffRepairs, async (request, { locale, touched }) => {
  const { customerIds, ...page } = await staffRepairs(parseInput(ZStaffRepairQuery, queryOf(request)), locale);
  touched(customerIds);
  return json(page);
});
