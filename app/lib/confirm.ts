// The server half of ConfirmAction (app/components/ConfirmAction.tsx): an irreversible step runs
// only when its form carries the confirmation field; otherwise the action answers
// `{ confirm: intent }` and the page shows the confirmation panel (the no-JavaScript path).

export const CONFIRM_FIELD = "confirmed";
export const CONFIRM_VALUE = "yes";

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRM_FIELD) === CONFIRM_VALUE;
}

/** The action data that asks the page to show the confirmation of `intent`. */
export function confirmationRequest<I extends string>(intent: I) {
  return { confirm: intent };
}
