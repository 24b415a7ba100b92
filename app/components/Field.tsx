import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { fieldId } from "~/lib/forms";

// The form kit: every field is a label, an optional hint, the control and its error, the hint and
// error linked to the control (aria-describedby) and the control marked aria-invalid while it has
// an error. Ids are `f-<name>` (dots of repeated fields made dashes, see app/lib/forms.ts), the
// hint `<id>-hint`, the error `<id>-error`, unless an id is given.

interface FieldParts {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** Extra class on the wrapper (e.g. "field--wide"). */
  wrapperClassName?: string;
}

function describe(id: string, hint: ReactNode, error: string | undefined) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  } as const;
}

function Shell({
  id,
  label,
  hint,
  error,
  wrapperClassName,
  children,
}: Omit<FieldParts, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className={["field", error ? "field--error" : null, wrapperClassName].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error. */
export function Field({
  name,
  label,
  error,
  hint,
  wrapperClassName,
  defaultValue,
  ...input
}: FieldParts & { defaultValue?: string | number } & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? fieldId(name);
  return (
    <Shell id={id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      <input id={id} name={name} defaultValue={defaultValue} {...describe(id, hint, error)} {...input} />
    </Shell>
  );
}

/** A labelled textarea with its hint and error. */
export function TextareaField({
  name,
  label,
  error,
  hint,
  wrapperClassName,
  ...textarea
}: FieldParts & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = textarea.id ?? fieldId(name);
  return (
    <Shell id={id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      <textarea id={id} name={name} {...describe(id, hint, error)} {...textarea} />
    </Shell>
  );
}

/** One choice of a select or a group: its value and its text. */
export type Choice = readonly [value: string, text: ReactNode];

/**
 * A labelled select with its hint and error: its `options`, after `placeholder` as a first, empty
 * choice (or, for option groups, its children).
 */
export function SelectField({
  name,
  label,
  error,
  hint,
  wrapperClassName,
  options = [],
  placeholder,
  children,
  ...select
}: FieldParts & { options?: readonly Choice[]; placeholder?: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = select.id ?? fieldId(name);
  return (
    <Shell id={id} label={label} hint={hint} error={error} wrapperClassName={wrapperClassName}>
      <select id={id} name={name} {...describe(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
        {children}
      </select>
    </Shell>
  );
}

/**
 * Radio buttons (one value) or checkboxes (several, read with form.getAll) under a legend, with
 * the group's hint and error linked to the fieldset.
 */
export function ChoiceGroup({
  name,
  label,
  error,
  hint,
  wrapperClassName,
  options,
  type = "radio",
  checked,
  optionClassName,
}: FieldParts & {
  options: readonly Choice[];
  type?: "radio" | "checkbox";
  /** The values ticked at first. */
  checked: readonly string[] | string | undefined;
  optionClassName?: string;
}) {
  const id = fieldId(name);
  const ticked = new Set(typeof checked === "string" ? [checked] : (checked ?? []));
  const described = describe(id, hint, error);
  return (
    <fieldset
      className={["field", error ? "field--error" : null, wrapperClassName].filter(Boolean).join(" ")}
      aria-describedby={described["aria-describedby"]}
    >
      <legend>{label}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map(([value, text]) => (
        <label key={value} className={optionClassName}>
          <input
            type={type}
            name={name}
            value={value}
            defaultChecked={ticked.has(value)}
            aria-invalid={described["aria-invalid"]}
          />{" "}
          {text}
        </label>
      ))}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
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
