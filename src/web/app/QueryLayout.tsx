import { QueryClientProvider } from "@tanstack/react-query";
import { Outlet } from "react-router";
import { SecondFactorGate } from "../auth/SecondFactorGate";
import { queryClient } from "./query-client";

/** Signed-in pages read the cache their route loaders filled (app/page-data.ts). */
export default function QueryLayout() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* A session still owing its second factor is sent to settle it first (decision 0020). */}
      <SecondFactorGate>
        <Outlet />
      </SecondFactorGate>
    </QueryClientProvider>
  );
}
