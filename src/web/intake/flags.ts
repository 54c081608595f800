/** Screening flags for the clients of a staff list, fetched in one request per 200 clients. */
import { useQuery } from "@tanstack/react-query";
import type { ClientFlags, ScreeningFlag } from "../../core/api/intake";
import { get } from "../api/client";

const PAGE = 200;
const NONE: ReadonlyMap<string, ScreeningFlag[]> = new Map();

export function useClientFlags(
  clientIds: readonly string[],
  enabled: boolean,
): ReadonlyMap<string, ScreeningFlag[]> {
  const ids = [...new Set(clientIds)].sort();
  const query = useQuery({
    queryKey: ["screening-flags", ids.join(",")],
    enabled: enabled && ids.length > 0,
    queryFn: async () => {
      const pages: Promise<ClientFlags[]>[] = [];
      for (let i = 0; i < ids.length; i += PAGE) {
        pages.push(get<ClientFlags[]>(`/api/screening/flags?clientIds=${ids.slice(i, i + PAGE).join(",")}`));
      }
      return new Map((await Promise.all(pages)).flat().map((entry) => [entry.clientId, entry.flags]));
    },
  });
  return query.data ?? NONE;
}
