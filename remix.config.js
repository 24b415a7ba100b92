// Remix options live here. The Vite plugin does not read this file by itself:
// vite.config.ts imports it and passes it to remix(...).
/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  // BUILD_DIR lets parallel test runs keep separate builds (default: build/).
  buildDirectory: process.env.BUILD_DIR ?? "build",
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
