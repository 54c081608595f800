import { useQuery } from "@tanstack/react-query";
import { appointmentsQuery } from "./api";

/** Appointments overlapping a range (the staff home and other folders use this hook). */
export function useAppointments(range: { from: string; to: string }) {
  return useQuery(appointmentsQuery(range));
}
