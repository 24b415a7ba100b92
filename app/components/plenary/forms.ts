// What the plenary entry's action answers when it refuses a form (app/lib/plenary-entry.server.ts):
// the intent and the form it was for, the errors by field and the input to show again.

export interface PlenaryFormAnswer {
  intent: string;
  target?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** The answer when it belongs to this form (intent, and the revision/decision/comment it is for). */
export function answerFor(
  answer: PlenaryFormAnswer | undefined,
  intent: string,
  target: string,
): PlenaryFormAnswer | undefined {
  return answer && answer.intent === intent && (answer.target ?? "") === target ? answer : undefined;
}
