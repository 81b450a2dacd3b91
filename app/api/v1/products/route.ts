import { pageOf, ZPageQuery } from "@/lib/api/paging";
import { defineApiRoute, json, parseInput, queryOf } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { apiProduct, customerProducts } from "@/lib/api/v1/products";

export const GET = defineApiRoute(ENDPOINTS.listProducts, async (request, { caller, locale }) => {
  const query = parseInput(ZPageQuery, queryOf(request));
  const page = pageOf(await customerProducts(caller.customer!), (product) => product.ownershipId, query);
  const withWarranty = caller.scopes.has("warranty:read");
  return json({
    data: await Promise.all(page.data.map((product) => apiProduct(product, locale, withWarranty))),
    nextCursor: page.nextCursor,
  });
});
