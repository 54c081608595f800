import { useMutation, useQueryClient } from "@tanstack/react-query";
import { appointmentActionMutation } from "./api";

/** One appointment's status changes (confirm, decline, …), refreshing what they affect. */
export function useAppointmentActions(id: string) {
  const queryClient = useQueryClient();
  return useMutation(appointmentActionMutation(queryClient, id));
}
