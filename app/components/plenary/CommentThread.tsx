import { Form } from "@remix-run/react";
import { FormErrorSummary, TextareaField } from "~/components/Field";
import { formatDate } from "~/i18n/format";
import { useLocale, useT } from "~/lib/use-t";
import type { PlenaryFormAnswer } from "./forms";
import { answerFor } from "./forms";

// The discussion of an entry: comments oldest first, replies under the comment they answer, each
// signed with its author and time (comments are signed even when the sheets are not named).

export interface CommentView {
  id: number;
  parentId: number | null;
  author: string;
  body: string;
  createdAt: string;
}

export function CommentThread({
  comments,
  answer,
  maxLength,
}: {
  comments: CommentView[];
  answer: PlenaryFormAnswer | undefined;
  maxLength: number;
}) {
  const t = useT();
  const children = new Map<number | null, CommentView[]>();
  const known = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    // A reply whose parent is gone is shown at the top level rather than lost.
    const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const top = answerFor(answer, "comment", "");
  return (
    <section className="plenary__comments" aria-labelledby="plenary-comments">
      <h2 id="plenary-comments">{t("plenary.comments.title")}</h2>
      {comments.length === 0 ? <p className="muted">{t("plenary.comments.empty")}</p> : null}
      <Thread parent={null} children={children} answer={answer} maxLength={maxLength} />
      <Form method="post" className="plenary__form">
        <FormErrorSummary message={top?.errors._form} />
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="parentId" value="" />
        <TextareaField
          name="body"
          id="comment-body"
          label={t("plenary.comments.body")}
          error={top?.errors.body}
          defaultValue={top?.values.body ?? ""}
          maxLength={maxLength}
          rows={3}
        />
        <button type="submit" className="primary plenary__button">
          {t("plenary.comments.post")}
        </button>
      </Form>
    </section>
  );
}

function Thread({
  parent,
  children,
  answer,
  maxLength,
}: {
  parent: number | null;
  children: Map<number | null, CommentView[]>;
  answer: PlenaryFormAnswer | undefined;
  maxLength: number;
}) {
  const t = useT();
  const locale = useLocale();
  const list = children.get(parent) ?? [];
  if (list.length === 0) return null;
  return (
    <ol className="plenary__thread">
      {list.map((c) => {
        const mine = answerFor(answer, "comment", String(c.id));
        return (
          <li key={c.id} id={`comment-${c.id}`}>
            <article className="plenary__comment">
              <p className="muted">
                <strong>{c.author}</strong> ·{" "}
                <time dateTime={c.createdAt}>{formatDate(c.createdAt, locale, true)}</time>
              </p>
              <p className="plenary__body">{c.body}</p>
              <details open={Boolean(mine)}>
                <summary className="plenary__button">{t("plenary.comments.reply")}</summary>
                <Form method="post" className="plenary__form">
                  <FormErrorSummary message={mine?.errors._form ?? mine?.errors.parentId} />
                  <input type="hidden" name="intent" value="comment" />
                  <input type="hidden" name="parentId" value={c.id} />
                  <TextareaField
                    name="body"
                    id={`reply-${c.id}`}
                    label={t("plenary.comments.replyBody")}
                    error={mine?.errors.body}
                    defaultValue={mine?.values.body ?? ""}
                    maxLength={maxLength}
                    rows={2}
                  />
                  <button type="submit" className="plenary__button">
                    {t("plenary.comments.reply")}
                  </button>
                </Form>
              </details>
            </article>
            <Thread parent={c.id} children={children} answer={answer} maxLength={maxLength} />
          </li>
        );
      })}
    </ol>
  );
}
