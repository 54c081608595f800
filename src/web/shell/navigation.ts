import type { Role } from "../../core/api/auth";

export interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[];
}

/** The app's sections by role; a capability's pages register here as they are built. */
export const APP_NAVIGATION: readonly NavItem[] = [
  { to: "/app", label: "Home", roles: ["owner", "therapist", "front_desk", "client"] },
  { to: "/book", label: "Book", roles: ["client"] },
  { to: "/app/calendar", label: "Calendar", roles: ["owner", "therapist", "front_desk"] },
  { to: "/app/requests", label: "Requests", roles: ["owner", "front_desk"] },
  { to: "/app/clients", label: "Clients", roles: ["owner", "therapist", "front_desk"] },
  { to: "/app/team", label: "Team", roles: ["owner", "front_desk"] },
  { to: "/app/team", label: "Your profile", roles: ["therapist"] },
  { to: "/app/messages", label: "Messages", roles: ["owner", "therapist", "front_desk", "client"] },
  { to: "/app/settings", label: "Settings", roles: ["owner"] },
  { to: "/app/consent/edit", label: "Consent form", roles: ["owner"] },
  { to: "/app/audit", label: "Audit log", roles: ["owner"] },
];

/** Shown to everyone, signed in or not (staff and clients reach the finder and atlas from here too). */
export const PUBLIC_NAVIGATION: readonly { to: string; label: string }[] = [
  { to: "/finder", label: "Pain finder" },
  { to: "/atlas", label: "Muscle atlas" },
];

export function navigationFor(role: Role | undefined): NavItem[] {
  if (!role) return [];
  return APP_NAVIGATION.filter((item) => item.roles.includes(role));
}
