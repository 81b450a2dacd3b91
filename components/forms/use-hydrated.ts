"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server-rendered HTML, true once React runs in the browser. Forms keep their submit
 * button disabled until then: a press before hydration would otherwise submit the form natively
 * and skip its validation.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
