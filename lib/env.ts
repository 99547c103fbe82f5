// The app's environment, validated once at start-up. A missing or unsafe value stops the app with a
// clear message; there is no fallback secret anywhere.
import "server-only";
import { parseEnv } from "./env-schema";

export type { TEnv } from "./env-schema";

export const env = parseEnv(process.env);
