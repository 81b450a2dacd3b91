import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/**
 * Layout of a signed-in area (My Page, account, staff, dealer): the header with the user's
 * navigation, optionally the sections of this area, then the content.
 */
export function AreaShell({ sections, children }: { sections?: ReactNode; children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {sections && <div className="mb-6">{sections}</div>}
        {children}
      </main>
    </>
  );
}
