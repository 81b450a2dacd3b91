import { defineApiRoute, json } from "@/lib/api/route";
import { apiWarranty, customerProduct } from "@/lib/api/v1/products";
import { AppError } from "@/lib/errors";

/** GET /api/v1/products/{id}/warranty: the warranty with its explanation (warranty:read). */
export const GET = defineApiRoute<{ id: string }>(
  { scopes: ["warranty:read"], audience: "customer" },
  async (_request, { caller, params, locale }) => {
    const product = await customerProduct(caller.customer!, params.id);
    if (!product) throw new AppError("NOT_FOUND");
    return json(await apiWarranty(product, locale));
  },
);
