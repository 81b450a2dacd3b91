/**
 * The message namespaces sent to the browser, per part of the portal (decision 0015). Without a
 * list, next-intl sends the whole catalog with every page (about 220 KB of Japanese in the RSC
 * payload, serialized on every request); each page now carries what its client components use.
 * The root layout's provider has `shared` + `public`; each area's layout nests a provider with
 * `shared` + its own list. A test (client-messages.test.ts) reads the code and fails when a client
 * component needs a namespace its part does not send, or a list names one nobody uses.
 */
export const CLIENT_NAMESPACES = {
  /** The root layout and every area's shell (header, navigation, language switch). */
  shared: ["common", "locale", "nav"],
  /** Pages outside the areas: sign-in and sign-up, account, the OpenID pages, unsubscribe. */
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
    "stepUp",
    "surveys",
    "table",
    "validation",
  ],
  admin: [
    "analytics",
    "apps",
    "catalog",
    "chat",
    "claimsAdmin",
    "dealer",
    "dealersAdmin",
    "engagement",
    "files",
    "oidc",
    "points",
    "pointsAdmin",
    "privacyAdmin",
    "recallsAdmin",
    "registry",
    "repairs",
    "retention",
    "table",
    "validation",
    "webhooks",
  ],
  dealer: ["dealer", "table", "validation"],
} as const;

export type ClientMessagesScope = Exclude<keyof typeof CLIENT_NAMESPACES, "shared">;

/** The part of the catalog a scope's provider sends. */
export function clientMessages<M extends Record<string, unknown>>(messages: M, scope: ClientMessagesScope): Partial<M> {
  const names = new Set<string>([...CLIENT_NAMESPACES.shared, ...CLIENT_NAMESPACES[scope]]);
  return Object.fromEntries(Object.entries(messages).filter(([name]) => names.has(name))) as Partial<M>;
}
