import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";

/** The narrow single-column layout of the sign-in, sign-up and recovery pages. */
export function AuthPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{title}</h1>
        {lead && <p className="mt-2 text-slate-700">{lead}</p>}
        <div className="mt-6 space-y-4">{children}</div>
      </main>
    </>
  );
}
