import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { hasTexts } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { textsHref } from "~/i18n/texts.server";
import { getViewer } from "~/lib/guards.server";
import { getDb } from "~/lib/db.server";
import { unreadCount } from "../db/queries/outbox-list";
import { getLocale } from "~/lib/locale.server";
import { useNonce } from "~/lib/nonce";
import { getSession, sessions } from "~/lib/session.server";
import { useLocale, useRequestedLocale, useT, type RootData } from "~/lib/use-t";
import stylesheet from "~/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // The site's icon, served from public/ (favicon.ico too, for browsers that ask for it by name).
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public data only: the language, who is signed in (name and roles) and a one-time message.
  const [locale, viewer, session] = await Promise.all([getLocale(request), getViewer(request), getSession(request)]);
  const flash = session.get("flash") ?? null;
  // The unread count beside "Pesan": one indexed count, for the viewer the guard already read. A
  // message being opened by this request counts as read (its loader marks it while this runs).
  const opening = /^\/messages\/(\d{1,9})$/.exec(new URL(request.url).pathname)?.[1];
  const unread = viewer ? await unreadCount(await getDb(), viewer.user.id, opening ? Number(opening) : undefined) : 0;
  const data: RootData = {
    locale,
    texts: textsHref(locale),
    viewer: viewer
      ? {
          name: viewer.user.name,
          email: viewer.user.email,
          roles: [...new Set(viewer.memberships.map((m) => m.role))],
          unread,
        }
      : null,
    flash,
  };
  const headers: HeadersInit = flash ? { "Set-Cookie": await sessions().commitSession(session) } : {};
  return Response.json(data, { headers });
}

// Opening a message changes the unread count: the root data is read again on the way in and out of "Pesan".
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || [currentUrl, nextUrl].some((u) => u.pathname.startsWith("/messages/"));

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale = useLocale();
  const t = useT();
  // Another language than the one loaded here (switched in another tab): load the page anew in it.
  const requested = useRequestedLocale();
  useEffect(() => {
    if (!hasTexts(requested)) window.location.reload();
  }, [requested]);
  const location = useLocation();
  const here = location.pathname + location.search;
  const nonce = useNonce();
  const roles = new Set(data?.viewer?.roles ?? []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("app.name")}</title>
        <Meta />
        <Links />
        {/* This language's texts, fetched by app/entry.client.tsx before hydration (ADR 0008). */}
        <link
          id="texts"
          rel="preload"
          as="fetch"
          crossOrigin="anonymous"
          href={data?.texts ?? `/texts/${locale}.json`}
        />
      </head>
      <body>
        <a className="skip" href="#main">
          {t("nav.skip")}
        </a>
        <header className="topbar">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul>
              {roles.has("admin") ? (
                <li>
                  <NavLink to="/admin">{t("nav.admin")}</NavLink>
                </li>
              ) : null}
              {roles.has("committee") ? (
                <li>
                  <NavLink to="/committee">{t("nav.committee")}</NavLink>
                </li>
              ) : null}
              {roles.has("assessor") || roles.has("juror") ? (
                <li>
                  <NavLink to="/assess">{t("nav.assess")}</NavLink>
                </li>
              ) : null}
              {roles.has("entrant") ? (
                <li>
                  <NavLink to="/portal">{t("nav.portal")}</NavLink>
                </li>
              ) : null}
              {data?.viewer ? (
                <li>
                  <NavLink to="/messages">
                    {t("nav.messages")}
                    {data.viewer.unread > 0 ? (
                      <>
                        {" "}
                        <span className="nav__count">
                          <span aria-hidden="true">{formatNumber(data.viewer.unread)}</span>
                          <span className="visually-hidden">
                            {t("nav.messagesUnread", { count: formatNumber(data.viewer.unread) })}
                          </span>
                        </span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="topbar__end">
            {/* A whole new page: the browser holds one language's texts, the one it was loaded in. */}
            <Form reloadDocument method="post" action="/lang" className="lang-switch" aria-label={t("nav.language")}>
              <input type="hidden" name="redirectTo" value={here} />
              <button name="lang" value="id" aria-pressed={locale === "id"} lang="id">
                ID
              </button>
              <button name="lang" value="en" aria-pressed={locale === "en"} lang="en">
                EN
              </button>
            </Form>
            {data?.viewer ? (
              <Form method="post" action="/logout" className="user-menu">
                <span className="user-menu__name">{t("nav.signedInAs", { name: data.viewer.name })}</span>
                <Link to="/account">{t("nav.account")}</Link>
                <button type="submit">{t("nav.signOut")}</button>
              </Form>
            ) : (
              <Link to="/login">{t("nav.signIn")}</Link>
            )}
          </div>
        </header>
        {data?.flash ? (
          <div className="alert alert--info flash" role="status">
            {data.flash}
          </div>
        ) : null}
        <main id="main">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : status === 423
          ? [t("error.archived.title"), t("error.archived.body")]
          : status === 400 || status === 413 || status === 415
            ? [t("error.badRequest.title"), t("error.badRequest.body")]
            : [t("error.generic.title"), t("error.generic.body")];
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p className="muted">{status}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
