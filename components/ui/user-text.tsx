import type { ReactNode } from "react";

/**
 * Text a user wrote (names, messages) shown to someone else. `<bdi>` isolates its direction
 * (`unicode-bidi: isolate`, stated explicitly as well), so right-to-left marks or overrides inside it
 * cannot reorder the page around it (display spoofing, Trojan Source).
 */
export function UserText({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <bdi className={`[unicode-bidi:isolate] ${className}`.trim()}>{children}</bdi>;
}
