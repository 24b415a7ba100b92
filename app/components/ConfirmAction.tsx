import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "~/lib/confirm";

// An irreversible step (submit an entry, close a stage, sign off, publish) takes two presses.
// With JavaScript the first press opens a modal <dialog> with what will happen; its confirm button
// posts the step. Without JavaScript the first press posts the form without the confirmation
// field; the action answers with `needsConfirmation` (app/lib/confirm.ts) and the page renders the
// same panel in place (`requested`), whose button posts the step with the confirmation field.

interface Props {
  /** The value of `intent` the step posts. */
  intent: string;
  /** The first button's label (e.g. "Umumkan pemenang"). */
  label: string;
  /** The question at the top of the panel. */
  title: string;
  /** What will happen, in words (counts, names, what cannot be undone). */
  summary: ReactNode;
  /** The confirming button's label. */
  confirmLabel: string;
  cancelLabel: string;
  /** Hidden fields posted with the step (e.g. the fingerprint of what was seen). */
  fields?: Record<string, string>;
  /** True when the server asked for the confirmation (the no-JavaScript path). */
  requested?: boolean;
  /** Class of the first button ("primary" for the page's main step). */
  className?: string;
  disabled?: boolean;
}

function HiddenFields({ fields, intent }: { fields: Record<string, string>; intent: string }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="intent" value={intent} />
    </>
  );
}

export function ConfirmAction({
  intent,
  label,
  title,
  summary,
  confirmLabel,
  cancelLabel,
  fields = {},
  requested = false,
  className,
  disabled,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  // The dialog closes once the step has been posted (the page then shows its outcome).
  useEffect(() => {
    if (busy) dialog.current?.close();
  }, [busy]);

  const panel = (
    <>
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-summary">{summary}</div>
      <Form method="post" className="confirm-actions">
        <HiddenFields fields={fields} intent={intent} />
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <button type="submit" className="primary" disabled={busy}>
          {confirmLabel}
        </button>{" "}
        {requested ? (
          // Without JavaScript, cancelling is leaving the page as it was.
          <a href="?" className="button-link">
            {cancelLabel}
          </a>
        ) : (
          <button type="button" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </button>
        )}
      </Form>
    </>
  );

  if (requested)
    return (
      <section className="confirm-panel" role="alertdialog" aria-labelledby={titleId}>
        {panel}
      </section>
    );

  return (
    <>
      <Form
        method="post"
        onSubmit={(event) => {
          // Hydrated: ask in the dialog instead of posting; without JS this handler never runs.
          if (dialog.current?.showModal) {
            event.preventDefault();
            dialog.current.showModal();
          }
        }}
      >
        <HiddenFields fields={fields} intent={intent} />
        <button type="submit" className={className} disabled={disabled}>
          {label}
        </button>
      </Form>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId}>
        {panel}
      </dialog>
    </>
  );
}
