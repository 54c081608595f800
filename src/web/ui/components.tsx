/** Thin design-system components over the tokens in tokens.css and the classes in global.css. */
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { Link, type LinkProps } from "react-router";

type Variant = "primary" | "secondary" | "ghost" | "danger";

function buttonClass(variant: Variant, block?: boolean): string {
  return `kw-button kw-button--${variant}${block ? " kw-button--block" : ""}`;
}

export function Button({
  variant = "primary",
  block,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; block?: boolean }) {
  return <button type="button" className={`${buttonClass(variant, block)} ${className ?? ""}`} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  block,
  ...props
}: LinkProps & { variant?: Variant; block?: boolean }) {
  return <Link className={buttonClass(variant, block)} {...props} />;
}

export function Card({
  title,
  children,
  flush,
  headingLevel = 2,
}: {
  title?: ReactNode;
  children: ReactNode;
  flush?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={`kw-card${flush ? " kw-card--flush" : ""}`}>
      {title ? (
        <Heading
          className="kw-card__title"
          style={flush ? { padding: "var(--kw-space-5) var(--kw-space-5) 0" } : undefined}
        >
          {title}
        </Heading>
      ) : null}
      {children}
    </section>
  );
}

export function PageHeader({
  eyebrow,
  title,
  description,
  actions,
}: {
  eyebrow?: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="kw-page-header">
      <div className="kw-page-header__text">
        {eyebrow ? <p className="kw-eyebrow">{eyebrow}</p> : null}
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="kw-row">{actions}</div> : null}
    </header>
  );
}

type FieldProps = { label: string; hint?: string; error?: string | null };

/** A label, an optional hint and the error under the control, wired up for screen readers. */
function Field({
  label,
  hint,
  error,
  control,
}: FieldProps & { control(ids: { id: string; describedBy: string | undefined }): ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="kw-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="kw-field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {control({ id, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {error ? (
        <span className="kw-field__error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={({ id, describedBy }) => (
        <input
          id={id}
          className="kw-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    />
  );
}

/** TextField for long text. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={({ id, describedBy }) => (
        <textarea
          id={id}
          className={`kw-input kw-textarea${className ? ` ${className}` : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      )}
    />
  );
}

export function Alert({
  tone = "info",
  children,
}: {
  tone?: "info" | "danger" | "warning";
  children: ReactNode;
}) {
  return (
    <div className={`kw-alert kw-alert--${tone}`} role={tone === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** An appointment status in words (badges, the calendar, its legend). */
export const STATUS_LABELS: Record<string, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`kw-badge kw-badge--${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function Stat({ value, label }: { value: ReactNode; label: string }) {
  return (
    <div className="kw-card kw-stat">
      <span className="kw-stat__value">{value}</span>
      <span className="kw-stat__label">{label}</span>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="kw-empty">{children}</p>;
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="kw-empty" role="status" aria-live="polite">
      {label}
    </p>
  );
}
