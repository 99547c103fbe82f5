// Hand-off from scripts/e2e-server.ts to the specs, which run in other processes.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT } from "./root";
import { slotted } from "./slot";

export interface E2eEnv {
  databaseUrl: string;
  /** Lets specs mint session tokens the server accepts. */
  nextAuthSecret: string;
}

export const E2E_ENV_FILE = path.join(ROOT, ".data", slotted("e2e"), "env.json");

export const DEFAULT_E2E_PORT = 3100;

/** The test identity provider, one port above the app. */
export const e2eOidcPort = (port = e2ePort()) => port + 1;
export const E2E_OIDC_CLIENT = { id: "orglens-e2e", secret: "orglens-e2e-client-secret" } as const;

/** Users of the test IdP (any password); their groups map to roles through the demo bindings. */
export const E2E_IDP_USERS = {
  "alice@corp.example": { name: "Alice Admin", groups: ["orglens-demo-admin"] },
  "fred@corp.example": { name: "Fred FinOps", groups: ["orglens-demo-analyst"] },
  "nobody@corp.example": { name: "No Body", groups: ["unmapped-group"] },
  // OU-scoped admin and analyst of the authorization matrix and security specs (e2e/support/scoped-callers.ts binds their groups).
  "sam@corp.example": { name: "Sam Scoped Admin", groups: ["orglens-e2e-scoped-admin"] },
  "sue@corp.example": { name: "Sue Scoped Analyst", groups: ["orglens-e2e-scoped-analyst"] },
};

export function e2ePort(): number {
  const port = Number(process.env.E2E_PORT ?? DEFAULT_E2E_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new Error(`Invalid E2E_PORT: ${process.env.E2E_PORT}`);
  }
  return port;
}

export function e2eBaseUrl(port = e2ePort()): string {
  return `http://localhost:${port}`;
}

/** The app's environment under test: its own URL and a fresh secret, whatever the shell has. */
export function e2eAppEnv(
  port: number,
  databaseUrl: string,
): { env: NodeJS.ProcessEnv; handoff: E2eEnv } {
  const nextAuthSecret = randomBytes(32).toString("base64");
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: e2eBaseUrl(port),
    NEXTAUTH_SECRET: nextAuthSecret,
    ORGLENS_DEMO_SIGNIN: process.env.ORGLENS_DEMO_SIGNIN ?? "1",
    // The e2e database holds the demo organization (its runs refresh the demo), and `next start` runs
    // with NODE_ENV=production: only a declared demo deployment may offer the demo sign-in.
    ORGLENS_DEPLOYMENT: "demo",
    // A real OIDC provider on loopback, started by the e2e server.
    OIDC_ISSUER: `http://localhost:${e2eOidcPort(port)}`,
    OIDC_CLIENT_ID: E2E_OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: E2E_OIDC_CLIENT.secret,
    OIDC_PROVIDER_NAME: "Test IdP",
    // Alert specs deliver to receivers on loopback, which is refused unless the operator allows it.
    ORGLENS_ALLOWED_PRIVATE_TARGETS: "127.0.0.1",
    // Its own build folder: never clobbers the .next of a demo running from the same checkout.
    ORGLENS_DIST_DIR: slotted(".next-e2e"),
  };
  return { env, handoff: { databaseUrl, nextAuthSecret } };
}
