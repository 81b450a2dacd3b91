import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Demo accounts created by the seed and listed on the sign-in page and in the README, in demo
 * mode only. A production start creates no account; `npm run create-admin` makes the first one.
 */
export const DEMO_PASSWORD = "demo-portal-2026";

/**
 * Staff, admin and dealer accounts must have a second factor (ASVS 6.3.3), so the demo seed gives
 * them this TOTP secret and the demo sign-in page shows its current code. Demo only.
 */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const DEMO_ACCOUNTS: readonly { email: string; role: Role; name: string }[] = [
  { email: "customer@demo.example", role: "CUSTOMER", name: "山田 花子" },
  { email: "customer2@demo.example", role: "CUSTOMER", name: "佐藤 健" },
  { email: "agent@demo.example", role: "SUPPORT_AGENT", name: "鈴木 一郎" },
  { email: "lead@demo.example", role: "SUPPORT_LEAD", name: "高橋 美咲" },
  { email: "admin@demo.example", role: "ADMIN", name: "田中 管理" },
  { email: "dealer@demo.example", role: "DEALER_STAFF", name: "伊藤 販売" },
  { email: "dealeradmin@demo.example", role: "DEALER_ADMIN", name: "渡辺 店長" },
];
