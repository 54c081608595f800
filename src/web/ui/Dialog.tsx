/**
 * The one modal dialog (over Radix, which traps focus, closes on Escape and restores focus): centred on
 * a laptop, a sheet from the bottom on a phone. The body is rendered only while open, so a form inside
 * starts fresh each time.
 */
import * as Radix from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Dialog.module.css";

export function Dialog({
  open,
  onClose,
  wide = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** For forms with two columns (phone booking). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Radix.Root open={open} onOpenChange={(next) => (next ? null : onClose())}>
      <Radix.Portal>
        <Radix.Overlay className={styles.dialogOverlay} />
        <Radix.Content className={cx(styles.dialog, wide && styles.dialogWide)} aria-describedby={undefined}>
          {open ? children : null}
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}

/** The title (the dialog's accessible name), an optional line under it, and a close button. */
export function DialogHeader({
  title,
  description,
  closable = true,
}: {
  title: ReactNode;
  description?: ReactNode;
  closable?: boolean;
}) {
  return (
    <div className={styles.dialogHead}>
      <div className={styles.dialogHeadText}>
        <Radix.Title asChild>
          <h2>{title}</h2>
        </Radix.Title>
        {description ? <p className={styles.dialogDescription}>{description}</p> : null}
      </div>
      {closable ? (
        <Radix.Close asChild>
          <button type="button" className="kw-button kw-button--ghost" aria-label="Close">
            ✕
          </button>
        </Radix.Close>
      ) : null}
    </div>
  );
}

/** The row of buttons at the foot of a dialog. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className={styles.dialogActions}>{children}</div>;
}
