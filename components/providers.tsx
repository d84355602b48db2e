"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { retryDelay, shouldRetry } from "@/lib/queries";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 5_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** TanStack Query for the whole app; one client per browser session. */
export function Providers({ children }: { children: ReactNode }) {
  // useState keeps one client across re-renders without sharing it between server requests.
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
