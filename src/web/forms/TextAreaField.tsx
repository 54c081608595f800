import { type TextareaHTMLAttributes, useId } from "react";
import { cx } from "../ui/cx";

/** A labelled textarea with an optional hint and its error under it (TextField's twin for long text). */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | null }) {
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
      <textarea
        id={id}
        className={cx("kw-input kw-textarea", className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...textarea}
      />
      {error ? (
        <span className="kw-field__error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
