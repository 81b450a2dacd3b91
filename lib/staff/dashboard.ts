import "server-only";
import { db } from "@/lib/db";

export async function getStaffOverview() {
  const [customers, dealers, productModels] = await Promise.all([
    db.user.count({ where: { role: "CUSTOMER" } }),
    db.dealer.count(),
    db.productModel.count(),
  ]);
  return { customers, dealers, productModels };
}
