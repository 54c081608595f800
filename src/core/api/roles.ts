/** Roles as plain data (no zod), so the web app's first load does not carry the validation library. */
export const ROLES = ["owner", "therapist", "front_desk", "client"] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "client">;
/** A tuple (not just an array) so the database enum can be declared from it. */
export const STAFF_ROLES = ["owner", "therapist", "front_desk"] as const satisfies readonly StaffRole[];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  therapist: "Therapist",
  front_desk: "Front desk",
  client: "Client",
};
