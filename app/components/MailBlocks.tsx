import { Link } from "@remix-run/react";
import type { MailBlock } from "~/lib/mail/render";

/**
 * A message's body in the app, from the same blocks the mail is written from (app/lib/mail/render.ts):
 * React elements, never HTML, and links stay paths of this site.
 */
export function MailBlocks({ blocks }: { blocks: readonly MailBlock[] }) {
  return (
    <div className="mail-blocks">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case "p":
            return <p key={i}>{b.text}</p>;
          case "link":
            // Only a path of this site becomes a link (the mail made it absolute; here it stays in the app).
            return <p key={i}>{/^\/(?!\/)/.test(b.path) ? <Link to={b.path}>{b.label}</Link> : b.label}</p>;
          case "rows":
            return (
              <dl key={i} className="mail-blocks__rows">
                {b.rows.map(([label, value], j) => (
                  <div key={j}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            );
          case "list":
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
    </div>
  );
}
