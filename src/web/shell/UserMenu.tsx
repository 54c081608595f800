import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useNavigate } from "react-router";
import { ROLE_LABELS } from "../../core/api/roles";
import { useSession } from "../auth/session";
import { initials } from "../ui/initials";
import styles from "./UserMenu.module.css";

export default function UserMenu() {
  const { session, context, signOut, switchContext } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  const others = session.contexts.filter(
    (c) => !(c.clinicId === context?.clinicId && c.role === context?.role),
  );
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="kw-button kw-button--ghost"
          aria-label={`Account menu for ${session.user.name}`}
        >
          <span aria-hidden="true" className={styles.avatar}>
            {initials(session.user.name)}
          </span>
          <span className={styles.userName}>{session.user.name}</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={styles.menu} align="end" sideOffset={6}>
          <DropdownMenu.Label className={styles.menuLabel}>
            {context ? `${ROLE_LABELS[context.role]} · ${context.clinicName}` : session.user.email}
          </DropdownMenu.Label>
          {others.length > 0 ? <DropdownMenu.Separator className={styles.menuSeparator} /> : null}
          {others.map((c) => (
            <DropdownMenu.Item
              key={`${c.clinicId}:${c.role}`}
              className={styles.menuItem}
              onSelect={() => void switchContext(c.clinicId, c.role).then(() => navigate("/app"))}
            >
              Switch to {ROLE_LABELS[c.role]} · {c.clinicName}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className={styles.menuSeparator} />
          <DropdownMenu.Item className={styles.menuItem} onSelect={() => navigate("/app/account")}>
            Your account
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={styles.menuItem}
            onSelect={() => void signOut().then(() => navigate("/"))}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
