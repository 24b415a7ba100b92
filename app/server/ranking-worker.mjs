// Starts the ranking worker thread (app/server/ranking-worker.ts). A worker does not take over the
// loader hooks of the thread that starts it, so tsx's loader is registered here, in the worker.
import { register } from "tsx/esm/api";

register();
await import("./ranking-worker.ts");
