import { defineApiRoute, json } from "@/lib/api/route";
import { apiProduct, customerProduct } from "@/lib/api/v1/products";
import { AppError } from "@/lib/errors";

/** GET /api/v1/products/{id}: one of the customer's products; anyone else's is 404 (products:read). */
export const GET = defineApiRoute<{ id: string }>(
  { scopes: ["products:read"], audience: "customer" },
  async (_request, { caller, params, locale }) => {
    const product = await customerProduct(caller.customer!, params.id);
    if (!product) throw new AppError("NOT_FOUND");
    return json(await apiProduct(product, locale, caller.scopes.has("warranty:read")));
  },
);
