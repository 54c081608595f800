import { useQuery } from "@tanstack/react-query";
import type { Appointment } from "../../core/api/clinic";
import { get } from "../api/client";

export function useAppointments(range: { from: string; to: string }) {
  return useQuery({
    queryKey: ["appointments", range.from, range.to],
    queryFn: () =>
      get<Appointment[]>(
        `/api/appointments?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
      ),
  });
}
