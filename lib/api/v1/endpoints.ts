/**
 * Every endpoint of the REST API v1 as data (conventions: Tables drive repeated structure): the
 * route handlers take their scopes and audience from here (defineApiRoute), and the OpenAPI
 * document is generated from the same entries (openapi.ts), so the document cannot promise what
 * the handlers do not enforce. A test checks that every entry has its route file.
 */
import { z } from "zod";
import type { ApiScope } from "@/lib/oidc/scopes";
import { REPAIR_STATUSES } from "@/lib/repairs/status";
import { ZPageQuery } from "../paging";
import {
  ZPage,
  ZPointsBalance,
  ZPointsMovement,
  ZProduct,
  ZRedemption,
  ZRedemptionCreate,
  ZRepair,
  ZRepairCreate,
  ZRepairMessage,
  ZReward,
  ZSymptom,
  ZWarranty,
} from "./schemas";

export type Endpoint = {
  method: "get" | "post";
  /** OpenAPI path under /api/v1, `{id}` for a parameter. */
  path: string;
  summary: string;
  scopes: readonly ApiScope[];
  audience: "customer" | "staff";
  query?: z.ZodObject;
  body?: z.ZodType;
  idempotent?: boolean;
  response: { status: 200 | 201 | 204; schema?: z.ZodType; description: string };
};

const idPath = z.object({ id: z.string() });

const ZRepairPage = ZPage(ZRepair, "RepairPage");

export const ZStaffRepairQuery = ZPageQuery.extend({ status: z.enum(REPAIR_STATUSES, { error: "invalid" }).optional() });

export const ENDPOINTS = {
  listProducts: {
    method: "get",
    path: "/products",
    summary: "The customer's registered products (with warranties when the token has warranty:read).",
    scopes: ["products:read"],
    audience: "customer",
    query: ZPageQuery,
    response: { status: 200, schema: ZPage(ZProduct, "ProductPage"), description: "A page of products." },
  },
  getProduct: {
    method: "get",
    path: "/products/{id}",
    summary: "One of the customer's products.",
    scopes: ["products:read"],
    audience: "customer",
    response: { status: 200, schema: ZProduct, description: "The product." },
  },
  getWarranty: {
    method: "get",
    path: "/products/{id}/warranty",
    summary: "A product's warranty and why it holds.",
    scopes: ["warranty:read"],
    audience: "customer",
    response: { status: 200, schema: ZWarranty, description: "The warranty with its explanation." },
  },
  listSymptoms: {
    method: "get",
    path: "/products/{id}/symptoms",
    summary: "What can be wrong with this product: the symptom ids a repair request names.",
    scopes: ["repairs:write"],
    audience: "customer",
    response: { status: 200, schema: z.object({ data: z.array(ZSymptom) }), description: "The symptoms." },
  },
  listRepairs: {
    method: "get",
    path: "/repairs",
    summary: "The customer's repair requests, newest first.",
    scopes: ["repairs:read"],
    audience: "customer",
    query: ZPageQuery,
    response: { status: 200, schema: ZRepairPage, description: "A page of repair requests." },
  },
  createRepair: {
    method: "post",
    path: "/repairs",
    summary: "Open a repair request for one of the customer's products.",
    scopes: ["repairs:write"],
    audience: "customer",
    body: ZRepairCreate,
    idempotent: true,
    response: { status: 201, schema: ZRepair, description: "The repair request (the same one again for a repeated Idempotency-Key)." },
  },
  getRepair: {
    method: "get",
    path: "/repairs/{id}",
    summary: "One repair request with its timeline.",
    scopes: ["repairs:read"],
    audience: "customer",
    response: { status: 200, schema: ZRepair, description: "The repair request." },
  },
  addRepairMessage: {
    method: "post",
    path: "/repairs/{id}/messages",
    summary: "Answer the service desk when it asked for information.",
    scopes: ["repairs:write"],
    audience: "customer",
    body: ZRepairMessage,
    response: { status: 204, description: "Sent; the desk takes the request up again." },
  },
  getPoints: {
    method: "get",
    path: "/points",
    summary: "The customer's points balance and tier.",
    scopes: ["points:read"],
    audience: "customer",
    response: { status: 200, schema: ZPointsBalance, description: "The balance." },
  },
  listPointsHistory: {
    method: "get",
    path: "/points/history",
    summary: "Points earned, spent and expired, newest first.",
    scopes: ["points:read"],
    audience: "customer",
    query: ZPageQuery,
    response: { status: 200, schema: ZPage(ZPointsMovement, "PointsMovementPage"), description: "A page of movements." },
  },
  listRewards: {
    method: "get",
    path: "/points/rewards",
    summary: "Rewards the customer can exchange points for.",
    scopes: ["points:read"],
    audience: "customer",
    response: { status: 200, schema: z.object({ data: z.array(ZReward) }), description: "The rewards." },
  },
  redeem: {
    method: "post",
    path: "/points/redemptions",
    summary: "Exchange points for a reward (needs points:redeem, which the customer confirms every time).",
    scopes: ["points:redeem"],
    audience: "customer",
    body: ZRedemptionCreate,
    idempotent: true,
    response: { status: 201, schema: ZRedemption, description: "The redemption (the first answer again for a repeated Idempotency-Key)." },
  },
  staffCustomerProducts: {
    method: "get",
    path: "/staff/customers/{id}/products",
    summary: "A customer's registered products with their warranties (server to server).",
    scopes: ["staff:products:read"],
    audience: "staff",
    response: { status: 200, schema: z.object({ data: z.array(ZProduct) }), description: "The products." },
  },
  staffCustomerPoints: {
    method: "get",
    path: "/staff/customers/{id}/points",
    summary: "A customer's points balance and tier (server to server).",
    scopes: ["staff:points:read"],
    audience: "staff",
    response: { status: 200, schema: ZPointsBalance, description: "The balance." },
  },
  staffRepairs: {
    method: "get",
    path: "/staff/repairs",
    summary: "Every repair request, newest first, optionally of one status (server to server).",
    scopes: ["staff:repairs:read"],
    audience: "staff",
    query: ZStaffRepairQuery,
    response: { status: 200, schema: ZRepairPage, description: "A page of repair requests." },
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** The path parameters' schema of an endpoint, for the document. */
export function pathParamsOf(endpoint: Endpoint): z.ZodObject | undefined {
  return endpoint.path.includes("{id}") ? idPath : undefined;
}
