import { ZPageQuery } from "@/lib/api/paging";
import { defineApiRoute, json, parseInput, queryOf } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { history } from "@/lib/api/v1/points";

export const GET = defineApiRoute(ENDPOINTS.listPointsHistory, async (request, { caller, locale }) =>
  json(await history(caller.customer!, parseInput(ZPageQuery, queryOf(request)), locale)),
);
