// The environment's rules, pure so they can be tested: lib/env.ts applies them at start-up.
import { z } from "zod";
import { parseEncryptionKey } from "./secrets/encryption-key";
import { parseAllowList } from "./alerts/target-policy";

const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );
const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /**
     * "production" marks a real deployment: the demo sign-in can never be enabled there. "demo" marks a
     * demo deployment (npm run demo, the e2e server): the only place for the demo sign-in under
     * NODE_ENV=production, and for the demo organization and its role bindings.
     */
    ORGLENS_DEPLOYMENT: z.enum(["production", "staging", "local", "demo"]).default("local"),
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// connection string" }),
    NEXTAUTH_SECRET: z
      .string()
      .min(
        32,
        "NEXTAUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`)",
      ),
    NEXTAUTH_URL: z.url().optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default("openid email profile"),
    OIDC_GROUPS_CLAIM: z.string().default("groups"),
    OIDC_PROVIDER_NAME: z.string().default("SSO"),
    /** First set-up only: verified emails that are unscoped admins, so someone can create the first role bindings. */
    ORGLENS_ADMIN_EMAILS: csv,
    ORGLENS_DEMO_SIGNIN: flag,
    /** Seals alert channel secrets (32 bytes, base64 or hex); unset: derived from NEXTAUTH_SECRET. */
    ORGLENS_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => parseEncryptionKey(v) !== null,
        "ORGLENS_ENCRYPTION_KEY must be 32 bytes written as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)",
      )
      .optional(),
    ORGLENS_PREVIOUS_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => parseEncryptionKey(v) !== null,
        "ORGLENS_PREVIOUS_ENCRYPTION_KEY must be 32 bytes written as 64 hex digits or base64",
      )
      .optional(),
    /** Internal hosts, IPs or CIDRs that alert deliveries may reach (all others are refused). */
    ORGLENS_ALLOWED_PRIVATE_TARGETS: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        try {
          parseAllowList(v);
        } catch (err) {
          ctx.addIssue({
            code: "custom",
            message: err instanceof Error ? err.message : String(err),
          });
        }
      }),
  })
  .superRefine((e, ctx) => {
    if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_CLIENT_ID"],
        message: "OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required too",
      });
    }
    if (e.ORGLENS_DEMO_SIGNIN && !demoSignInAllowed({ ...e, ORGLENS_DEMO_SIGNIN: "1" })) {
      ctx.addIssue({
        code: "custom",
        path: ["ORGLENS_DEMO_SIGNIN"],
        message:
          e.ORGLENS_DEPLOYMENT === "production"
            ? "the demo sign-in is refused in a production deployment (ORGLENS_DEPLOYMENT=production)"
            : "the demo sign-in is refused under NODE_ENV=production unless the deployment is a demo: set ORGLENS_DEPLOYMENT=demo, or unset ORGLENS_DEMO_SIGNIN",
      });
    }
    if (!e.OIDC_ISSUER && !e.ORGLENS_DEMO_SIGNIN) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message:
          "no sign-in method: set OIDC_ISSUER (with client id and secret), or ORGLENS_DEMO_SIGNIN=1 for a local demo",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

/** The raw variables that decide whether the demo sign-in may run (read again at every demo sign-in). */
export interface DemoSignInEnv {
  NODE_ENV?: string;
  ORGLENS_DEPLOYMENT?: string;
  ORGLENS_DEMO_SIGNIN?: string;
}

const FLAG_ON = new Set(["1", "true"]);

/** An explicitly declared demo deployment (ORGLENS_DEPLOYMENT=demo), nothing else. */
export function isDemoDeploymentEnv(source: { ORGLENS_DEPLOYMENT?: string }): boolean {
  return source.ORGLENS_DEPLOYMENT === "demo";
}

/**
 * The demo sign-in runs only when switched on, never in a production deployment, and under
 * NODE_ENV=production (what `next start` sets) only in a declared demo deployment.
 */
export function demoSignInAllowed(source: DemoSignInEnv): boolean {
  if (!FLAG_ON.has(source.ORGLENS_DEMO_SIGNIN ?? "")) return false;
  if (isDemoDeploymentEnv(source)) return true;
  return source.ORGLENS_DEPLOYMENT !== "production" && source.NODE_ENV !== "production";
}

/** Parses an environment; the error lists every problem, one per line. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`OrgLens cannot start: invalid environment\n${lines.join("\n")}`);
  }
  return parsed.data;
}
