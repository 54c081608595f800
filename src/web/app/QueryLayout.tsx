import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect } from "react";
import { Outlet } from "react-router";
import { onIdentityChange } from "../auth/session";

/** The data cache of signed-in pages; loaded with them, not with the public pages. */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 15_000 } },
});

export default function QueryLayout() {
  // Data fetched as one person or role must never be shown to the next.
  useEffect(() => onIdentityChange(() => queryClient.clear()), []);
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}
