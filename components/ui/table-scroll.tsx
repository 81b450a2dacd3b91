import type { ReactNode } from "react";

/**
 * The box every data table sits in: a table wider than the screen scrolls here, not the page
 * (issue 9 item 10; the cell wrapping rules are in app/globals.css). It is a named, focusable
 * region so keyboard users can scroll it too (WCAG 2.1.1, axe "scrollable-region-focusable").
 * Inline-size containment keeps the table's own width from widening the card or grid around it
 * (My Page was wider than the screen because of its sign-in table). Edge shadows: app/globals.css.
 */
export function TableScroll({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`table-scroll max-w-full overflow-x-auto [contain:inline-size] ${className}`}
    >
      {children}
    </div>
  );
}
