/**
 * The message namespaces sent to the browser, per part of the portal (decision 0015). Without a
 * list, next-intl sends the whole catalog with every page (about 220 KB of Japanese in the RSC
 * payload, serialized on every request); each page now carries what its client components use.
 *
 * A scope is `public` (the root layout's provider: pages outside the areas) or a directory under
 * app/[locale] whose layout nests its own provider (`<ClientMessages scope="admin/points">`); a
 * page belongs to the deepest one. Each provider sends `shared` (the shell above every area) and
 * its scope's list. A test (client-messages.test.ts) reads the code and fails when a client
 * component needs a namespace its scope does not send, when a list names one nobody there uses,
 * or when a scope's layout does not nest its provider.
 */
export const SHARED_CLIENT_NAMESPACES = ["common", "locale", "nav"] as const;

export const CLIENT_NAMESPACES = {
  /** Sign-in and sign-up, account, the OpenID pages, unsubscribe. */
  public: [
    "account",
    "errors",
    "forgotPassword",
    "magicLink",
    "oidc",
    "passkeys",
    "profiling",
    "resetPassword",
    "secondFactor",
    "security",
    "segments",
    "sessions",
    "signIn",
    "signUp",
    "stepUp",
    "table",
    "terms",
    "twoFactor",
    "unsubscribe",
    "validation",
  ],
  mypage: [
    "account",
    "chat",
    "connectedApps",
    "files",
    "points",
    "privacy",
    "privacyData",
    "privacyDelete",
    "privacyNotifications",
    "products",
    "profiling",
    "recalls",
    "repairs",
    "segments",
    "stepUp",
    "surveys",
    "table",
    "validation",
  ],
  admin: ["analytics", "catalog", "chat", "claimsAdmin", "files", "recalls", "recallsAdmin", "registry", "repairs", "table", "validation"],
  "admin/engagement": ["campaigns", "engagement", "profiling", "segments", "surveys", "table", "validation"],
  "admin/points": ["files", "points", "pointsAdmin", "validation"],
  "admin/apps": ["apps", "oidc", "table", "validation", "webhooks"],
  "admin/privacy": ["privacyAdmin", "retention", "table", "validation"],
  "admin/dealers": ["dealer", "dealersAdmin", "table", "validation"],
  dealer: ["dealer", "table", "validation"],
} as const;

export type ClientMessagesScope = keyof typeof CLIENT_NAMESPACES;

/** The part of the catalog a scope's provider sends. */
export function clientMessages<M extends Record<string, unknown>>(messages: M, scope: ClientMessagesScope): Partial<M> {
  const names = new Set<string>([...SHARED_CLIENT_NAMESPACES, ...CLIENT_NAMESPACES[scope]]);
  return Object.fromEntries(Object.entries(messages).filter(([name]) => names.has(name))) as Partial<M>;
}
