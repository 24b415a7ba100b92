import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input with its error next to it, linked for screen readers. */
export function Field({
  name, label, error, hint, defaultValue, ...input
}: { name: string; label: ReactNode; error?: string; hint?: ReactNode; defaultValue?: string | number } & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      <input id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? <p className="error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

/** A summary at the top of a form; focus goes to it so keyboard users hear what is wrong. */
export function FormErrorSummary({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
      {message}
    </div>
  );
}
