/**
 * A value read for display only, kept per process for a few seconds (docs/decisions/0008): lists
 * that show it on every request read it once per `ttlMs` instead. A change made in this process
 * calls forgetShown() with what it changed, and shows at once; another app process catches up
 * within `ttlMs`. Never use it for a decision (a deadline, an access check): those read the database.
 */
export type Shown<T> = {
  /** The kept value, read again when older than the time to live. */
  get: (now?: number) => Promise<T>;
  /** Read again on the next get() (after a change made in this process). */
  forget: () => void;
};

/** What a kept value is made of; a writer of one of these calls forgetShown() with it. */
export type ShownSource = "desk" | "dealers" | "models" | "staff";

const readers = new Map<ShownSource, Set<Shown<unknown>>>();

export function keptForDisplay<T>(load: () => Promise<T>, options: { ttlMs: number; sources: readonly ShownSource[] }): Shown<T> {
  let kept: { value: Promise<T>; until: number } | null = null;
  const shown: Shown<T> = {
    get(now = Date.now()) {
      if (!kept || kept.until <= now) {
        const value = load();
        const entry = { value, until: now + options.ttlMs };
        kept = entry;
        // A failed read is not kept (unless a newer one replaced it meanwhile).
        value.catch(() => {
          if (kept === entry) kept = null;
        });
      }
      return kept.value;
    },
    forget() {
      kept = null;
    },
  };
  for (const source of options.sources) {
    const set = readers.get(source) ?? new Set();
    set.add(shown as Shown<unknown>);
    readers.set(source, set);
  }
  return shown;
}

/** After a change to `source` in this process: every value made from it is read again. */
export function forgetShown(source: ShownSource): void {
  for (const shown of readers.get(source) ?? []) shown.forget();
}
