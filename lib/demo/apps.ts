/**
 * The demo's apps of the brand (issue 16), made by the seed: the second site
 * (scripts/demo-site.ts on port 4000) and an AI agent. Their secrets are public on purpose and
 * only on a portal served on localhost (DEMO_MODE refuses anything else).
 */
export const DEMO_SITE = {
  id: "demo-site",
  secret: "demo-site-secret-for-localhost-only",
  port: 4000,
} as const;

export const DEMO_AGENT = {
  id: "demo-agent",
  secret: "demo-agent-secret-for-localhost-only",
} as const;
