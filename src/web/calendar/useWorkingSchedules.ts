import { type UseQueryResult, useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { therapistScheduleOf } from "../../core/calendar/working-hours";
import type { TherapistSchedule } from "../../core/scheduling/types";
import { hoursQuery, overridesQuery, timeOffInQuery } from "../settings/api";

/** Every result's data once all have arrived; a module-level function, so queries memoise it. */
function allData<T>(results: UseQueryResult<T>[]): T[] | undefined {
  return results.every((r) => r.isSuccess) ? results.map((r) => r.data as T) : undefined;
}

/**
 * The active therapists' schedules for the days on screen, as the slot engine reads them: weekly
 * hours and breaks, the dates' overrides, time off. Three small reads per therapist, under the
 * settings screen's own keys, so a change saved there shows here at once. Undefined until all
 * have arrived (or if one failed: then nothing is shaded, rather than something wrongly).
 */
export function useWorkingSchedules(
  therapistIds: readonly string[],
  dates: readonly string[],
  range: { from: string; to: string },
): ReadonlyMap<string, TherapistSchedule> | undefined {
  const first = dates[0] ?? "2000-01-01";
  const last = dates.at(-1) ?? first;
  const hours = useQueries({
    queries: therapistIds.map((id) => ({ ...hoursQuery(id), staleTime: 60_000 })),
    combine: allData,
  });
  // The overrides of the days on screen (the server answers only whole local dates).
  const overrides = useQueries({
    queries: therapistIds.map((id) => overridesQuery(id, first, last)),
    combine: allData,
  });
  const timeOff = useQueries({
    queries: therapistIds.map((id) => timeOffInQuery(id, range.from, range.to)),
    combine: allData,
  });
  return useMemo(() => {
    if (!hours || !overrides || !timeOff) return undefined;
    return new Map(
      therapistIds.map((id, i) => [
        id,
        therapistScheduleOf(id, hours[i] ?? { hours: [], breaks: [] }, overrides[i] ?? [], timeOff[i] ?? []),
      ]),
    );
  }, [therapistIds, hours, overrides, timeOff]);
}
