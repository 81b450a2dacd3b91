"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type CSSProperties, type ReactNode } from "react";
import { Toaster } from "sonner";

/** Sonner's rich colours fall short of WCAG AA contrast (about 4.1:1); darker text keeps them readable. */
const TOAST_COLORS = {
  "--success-text": "#166534",
  "--error-text": "#991b1b",
  "--info-text": "#1e3a8a",
  "--warning-text": "#854d0e",
} as CSSProperties;

/** Browser-side providers: one QueryClient per browser tab (conventions: Query keys) and the toaster. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster position="top-center" richColors closeButton style={TOAST_COLORS} />
    </QueryClientProvider>
  );
}
