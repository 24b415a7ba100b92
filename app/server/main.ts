// The production server: migrate, seed the demo edition on an empty database, then serve the
// built Remix app with Express (which gives the client address for sign-in throttling).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setupDatabase } from "../../db/setup";
import { config, publicBase } from "../lib/config.server";
import { getDb } from "../lib/db.server";
import { requestScope } from "../lib/request-scope.server";
import { sweepPartialUploads } from "../lib/uploads.server";
import { startRankingWorker } from "../lib/ranking-worker.server";
import { refuseCrossOrigin, securityHeaders } from "./security";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const buildDir = process.env.BUILD_DIR ?? "build";
// Links that leave the system are made from PUBLIC_URL, never from a request's Host header:
// production refuses to start without it.
try {
  publicBase();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const banner = await setupDatabase();
await sweepPartialUploads(config.uploadDir, await getDb());
const build = (await import(pathToFileURL(resolve(buildDir, "server/index.js")).href)) as ServerBuild;
// The ranking worker thread loads while the server starts, not on the first ranking page.
startRankingWorker();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(securityHeaders({ https: config.secureCookies }));
app.use(refuseCrossOrigin);
app.use(compression());
app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
// Public files (favicon…) all have an extension: pages do not go looking on disk first.
const publicFiles = express.static(`${buildDir}/client`, { maxAge: "1h", index: false });
app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
// Each request's loaders share one read of the session and the viewer (app/lib/request-scope.server.ts).
app.use(requestScope);
app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(banner.replaceAll(":3000", `:${port}`));
  console.log(`Paritrana is listening on http://localhost:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
