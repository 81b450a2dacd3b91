import { z } from "zod";
import { zText } from "@/lib/validation/text";
import { scopesForKind, type PortalScope } from "./scopes";

export const CLIENT_KINDS = ["WEB", "AGENT", "SERVICE"] as const;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A redirect or logout URL: https, or http on this machine (development and tests); no fragment. */
function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.hash || url.username || url.password) return false;
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

const zUrlList = z
  .string()
  .max(4000, "tooLong")
  .transform((text) => [...new Set(text.split(/\s+/).filter(Boolean))])
  .refine((urls) => urls.every(isAppUrl), "apps.urlInvalid")
  .refine((urls) => urls.length <= 10, "apps.tooManyUrls");

/** The admin's form of a client (Staff → Apps). One list of URLs per line. */
export const ZClientSchema = z
  .object({
    id: z.string().max(40).optional(),
    name: zText().trim().min(1, "required").max(80, "tooLong"),
    kind: z.enum(CLIENT_KINDS, { error: "chooseOne" }),
    redirectUris: zUrlList.default([]),
    postLogoutRedirectUris: zUrlList.default([]),
    backchannelLogoutUri: z
      .string()
      .trim()
      .max(500, "tooLong")
      .refine((value) => value === "" || isAppUrl(value), "apps.urlInvalid")
      .default(""),
    scopes: z.array(z.string().max(40)).max(20).default([]),
    firstParty: z.boolean().default(false),
    rateLimitPerMinute: z.coerce
      .number({ error: "invalid" })
      .int("invalid")
      .min(1, "apps.rateLimitRange")
      .max(10_000, "apps.rateLimitRange"),
  })
  .superRefine((value, context) => {
    const allowed = scopesForKind(value.kind);
    if (value.scopes.some((scope) => !allowed.includes(scope as PortalScope))) {
      context.addIssue({ code: "custom", path: ["scopes"], message: "apps.scopeNotForKind" });
    }
    if (value.scopes.length === 0) context.addIssue({ code: "custom", path: ["scopes"], message: "apps.scopesRequired" });
    if (value.kind === "WEB" && value.redirectUris.length === 0) {
      context.addIssue({ code: "custom", path: ["redirectUris"], message: "apps.redirectRequired" });
    }
  });
export type TClient = z.input<typeof ZClientSchema>;
export type ClientInput = z.output<typeof ZClientSchema>;
