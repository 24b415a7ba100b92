// The security headers of every response and the refusal of cross-origin posts, in one place
// (Express middleware in front of Remix; routes set none of these headers themselves).
import type { NextFunction, Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import { randomBytes } from "node:crypto";

/** Evidence shown inline (PDF in the assessor's frame, images): the one path framed by our pages. */
const INLINE_EVIDENCE = /^\/evidence\//;

/** The path as the router matches it (decoded, any case), so that /%65vidence/1 is evidence too. */
function routedPath(path: string): string {
  try {
    return decodeURIComponent(path).toLowerCase();
  } catch {
    return path.toLowerCase();
  }
}

/** What every response carries, pages and files alike. */
function common(https: boolean) {
  return {
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : (false as const),
    referrerPolicy: { policy: "same-origin" as const },
  };
}

/**
 * Pages: a strict Content-Security-Policy whose scripts must carry this response's nonce (the
 * inline scripts Remix emits get it through entry.server.tsx), never framed; HSTS only when the
 * site is served over HTTPS (COOKIE_SECURE=1), since it would lock plain-HTTP installs out.
 */
function pageHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    ...common(https),
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Inline evidence: the uploaded file is untrusted, so it runs sandboxed (no scripts, no forms, an
 * opaque origin: a PDF or SVG trick cannot act as the signed-in user), and only our own pages may
 * frame it.
 */
function evidenceHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        imgSrc: ["'self'"],
        styleSrc: ["'unsafe-inline'"],
        sandbox: [],
        frameAncestors: ["'self'"],
      },
    },
    frameguard: { action: "sameorigin" },
    ...common(https),
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}

export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const pages = pageHeaders(https);
  const evidence = evidenceHeaders(https);
  return (req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    (INLINE_EVIDENCE.test(routedPath(req.path)) ? evidence : pages)(req, res, next);
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A post from another site is answered 403 here. Remix checks the same (Origin against
 * X-Forwarded-Host or Host) but throws, which became a 500; this mirrors its rule so that a
 * request it would refuse never reaches it. (Behind a reverse proxy, the proxy must pass the
 * public Host or set X-Forwarded-Host, or Remix would refuse every form.) A browser always sends
 * Origin with a post; a request without one is not cross-site (curl, tests) and goes on to the
 * route's own guard.
 */
export function refuseCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.headers.origin;
  if (origin === undefined) return next();
  const forwarded = req.headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || req.headers.host;
  if (host && originHost(origin) === host) return next();
  res.status(403).type("text/plain").send("Forbidden: a form of this site must be sent from this site.");
}

function originHost(origin: string): string | null {
  try {
    return origin === "null" ? null : new URL(origin).host;
  } catch {
    return null;
  }
}
