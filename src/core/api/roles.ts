/** Roles as plain data (no zod), so the web app's first load does not carry the validation library. */
export const ROLES = ["owner", "therapist", "front_desk", "client"] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "client">;
export const STAFF_ROLES: readonly StaffRole[] = ["owner", "therapist", "front_desk"];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  therapist: "Therapist",
  front_desk: "Front desk",
  client: "Client",
};
