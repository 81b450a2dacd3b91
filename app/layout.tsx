import type { ReactNode } from "react";
import "./globals.css";

// Every page renders per request: the CSP nonce (proxy.ts) differs each time, and prerendered HTML
// would carry none, so its scripts would be blocked.
export const dynamic = "force-dynamic";

// The <html> element is rendered by app/[locale]/layout.tsx, which knows the language.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
