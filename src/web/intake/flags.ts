/** Screening flags for the clients of a staff list, fetched in one request per 200 clients. */
import { useQuery } from "@tanstack/react-query";
import type { ScreeningFlag } from "../../core/api/intake";
import { screeningFlagsQuery } from "./api";

const NONE: ReadonlyMap<string, ScreeningFlag[]> = new Map();

export function useClientFlags(
  clientIds: readonly string[],
  enabled: boolean,
): ReadonlyMap<string, ScreeningFlag[]> {
  const ids = [...new Set(clientIds)].sort();
  const query = useQuery({ ...screeningFlagsQuery(ids), enabled: enabled && ids.length > 0 });
  return query.data ?? NONE;
}
