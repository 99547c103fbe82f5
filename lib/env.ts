// The app's environment, validated once at start-up. A missing or unsafe value stops the app with a
// clear message; there is no fallback secret anywhere.
import "server-only";
import { isDemoDeploymentEnv, parseEnv } from "./env-schema";

export type { TEnv } from "./env-schema";

export const env = parseEnv(process.env);

/** A declared demo deployment (ORGLENS_DEPLOYMENT=demo): the only place for demo data and the demo sign-in in production builds. */
export function isDemoDeployment(): boolean {
  return isDemoDeploymentEnv(env);
}
