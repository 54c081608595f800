/**
 * The intake API as the web app calls it: the client's own intake (read, autosave, submit) and,
 * for staff, a client's intake, clearances and the flags lists show. One `queryOptions` per key.
 */
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type {
  ClearanceRecord,
  ClearanceRequest,
  ClientFlags,
  MyIntake,
  SavedDraft,
  StaffIntake,
} from "../../core/api/intake";
import type { IntakeDraft } from "../../core/intake";
import { api, get, post } from "../api/client";
import { appointmentKeys } from "../appointments/api";

const id$ = encodeURIComponent;

export const intakeKeys = {
  mine: ["my-intake"] as const,
  /** Every version of one client's intake, as staff see it. */
  client: (clientId: string) => ["client-intake", clientId] as const,
  clientVersion: (clientId: string, version?: number) =>
    ["client-intake", clientId, version ?? "latest"] as const,
  flags: (sortedIds: string) => ["screening-flags", sortedIds] as const,
  /** The form staff fill in for a client (by phone): under `client`, so a submit refreshes both. */
  entry: (clientId: string) => ["client-intake", clientId, "entry"] as const,
};

/** The signed-in client's own intake: answers, status, what is missing, their screening. */
export const myIntakeQuery = queryOptions({
  queryKey: intakeKeys.mine,
  queryFn: () => get<MyIntake>("/api/me/intake"),
});

/**
 * Where the questionnaire is read and written: the signed-in client's own (no client id), or the
 * owner or a therapist entering it for a client, by phone (`/api/clients/:id/intake/...`).
 */
function intakeBase(clientId?: string): string {
  return clientId ? `/api/clients/${id$(clientId)}/intake` : "/api/me/intake";
}

export function saveDraft(draft: IntakeDraft, clientId?: string): Promise<SavedDraft> {
  return api<SavedDraft>("PUT", `${intakeBase(clientId)}/draft`, draft);
}

export function submitIntake(answers: IntakeDraft, clientId?: string): Promise<MyIntake> {
  return post<MyIntake>(`${intakeBase(clientId)}/submit`, answers);
}

/** A client's intake as the form staff fill in for them: working copy, status, result (audited). */
export function staffEntryQuery(clientId: string) {
  return queryOptions({
    queryKey: intakeKeys.entry(clientId),
    queryFn: () => get<MyIntake>(`${intakeBase(clientId)}/draft`),
    retry: false,
  });
}

/**
 * A client's intake for staff: the whole of it for the owner and therapists, flags and readiness
 * only for the front desk (`audience`). Every load is an audited read on the server.
 */
export function staffIntakeQuery(clientId: string, version?: number) {
  return queryOptions({
    queryKey: intakeKeys.clientVersion(clientId, version),
    queryFn: () =>
      get<StaffIntake>(`/api/clients/${id$(clientId)}/intake${version ? `?version=${version}` : ""}`),
    retry: false,
  });
}

export function recordClearanceMutation(queryClient: QueryClient, clientId: string) {
  return mutationOptions({
    mutationFn: (body: ClearanceRequest) =>
      post<ClearanceRecord>(`/api/clients/${id$(clientId)}/clearances`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.client(clientId) });
      // A clearance can make a first visit confirmable.
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ["readiness"] });
    },
  });
}

/** The most a single flags request may name (the server's limit). */
const FLAGS_PAGE = 200;

/** Screening flags for a list's clients, one request per 200. `ids` sorted and unique. */
export function screeningFlagsQuery(ids: readonly string[]) {
  return queryOptions({
    queryKey: intakeKeys.flags(ids.join(",")),
    queryFn: async () => {
      const pages: Promise<ClientFlags[]>[] = [];
      for (let i = 0; i < ids.length; i += FLAGS_PAGE) {
        pages.push(
          get<ClientFlags[]>(`/api/screening/flags?clientIds=${ids.slice(i, i + FLAGS_PAGE).join(",")}`),
        );
      }
      return new Map((await Promise.all(pages)).flat().map((entry) => [entry.clientId, entry.flags]));
    },
  });
}
