import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { apiWarranty, customerProduct } from "@/lib/api/v1/products";
import { AppError } from "@/lib/errors";

export const GET = defineApiRoute<{ id: string }>(ENDPOINTS.getWarranty, async (_request, { caller, params, locale }) => {
  const product = await customerProduct(caller.customer!, params.id);
  if (!product) throw new AppError("NOT_FOUND");
  return json(await apiWarranty(product, locale));
});
