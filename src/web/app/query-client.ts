/**
 * The data cache of signed-in pages, shared by their components and the route loaders that fill it
 * while a page's code loads. Loaded with them, not with the public pages.
 */
import { QueryClient } from "@tanstack/react-query";
import { onIdentityChange } from "../auth/session";

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 15_000 } },
});

// Data fetched as one person or role must never be shown to the next.
onIdentityChange(() => queryClient.clear());
