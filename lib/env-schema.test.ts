import { describe, expect, it } from "vitest";
import { demoSignInAllowed, isDemoDeploymentEnv, parseEnv } from "./env-schema";

const base = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/orglens",
  NEXTAUTH_SECRET: "x".repeat(32),
  OIDC_ISSUER: "https://idp.example.com",
  OIDC_CLIENT_ID: "orglens",
  OIDC_CLIENT_SECRET: "s3cret",
};

describe("parseEnv", () => {
  it("accepts a production configuration with an identity provider", () => {
    const env = parseEnv({
      ...base,
      ORGLENS_DEPLOYMENT: "production",
      ORGLENS_ADMIN_EMAILS: "a@x.example, b@x.example",
    });
    expect(env.ORGLENS_ADMIN_EMAILS).toEqual(["a@x.example", "b@x.example"]);
    expect(env.ORGLENS_DEMO_SIGNIN).toBe(false);
  });

  it.each([
    ["a missing auth secret", { NEXTAUTH_SECRET: undefined }, /NEXTAUTH_SECRET/],
    ["a short auth secret", { NEXTAUTH_SECRET: "secret" }, /at least 32 characters/],
    ["a missing database URL", { DATABASE_URL: undefined }, /DATABASE_URL/],
    ["an issuer without client credentials", { OIDC_CLIENT_SECRET: undefined }, /OIDC_CLIENT_ID/],
    ["no sign-in method at all", { OIDC_ISSUER: undefined }, /no sign-in method/],
    [
      "the demo sign-in in production",
      { ORGLENS_DEPLOYMENT: "production", ORGLENS_DEMO_SIGNIN: "1" },
      /demo sign-in is refused/,
    ],
    [
      "the demo sign-in under NODE_ENV=production (the default deployment)",
      { NODE_ENV: "production", ORGLENS_DEMO_SIGNIN: "1" },
      /ORGLENS_DEPLOYMENT=demo/,
    ],
    [
      "the demo sign-in under NODE_ENV=production in staging",
      { NODE_ENV: "production", ORGLENS_DEPLOYMENT: "staging", ORGLENS_DEMO_SIGNIN: "1" },
      /demo sign-in is refused/,
    ],
    [
      "an encryption key that is not 32 bytes",
      { ORGLENS_ENCRYPTION_KEY: "too-short" },
      /ORGLENS_ENCRYPTION_KEY must be 32 bytes/,
    ],
    [
      "a malformed private-target allow-list",
      { ORGLENS_ALLOWED_PRIVATE_TARGETS: "10.0.0.0/8, 300.1.1.1/40" },
      /ORGLENS_ALLOWED_PRIVATE_TARGETS: "300.1.1.1\/40"/,
    ],
  ])("refuses to start with %s", (_what, change, message) => {
    expect(() => parseEnv({ ...base, ...change })).toThrow(message);
  });

  it("accepts a hex or base64 encryption key and an allow-list of hosts, IPs and CIDRs", () => {
    const env = parseEnv({
      ...base,
      ORGLENS_ENCRYPTION_KEY: "ab".repeat(32),
      ORGLENS_ALLOWED_PRIVATE_TARGETS: "smtp.corp.internal, 10.0.0.0/8, fd00::1",
    });
    expect(env.ORGLENS_ALLOWED_PRIVATE_TARGETS).toBe("smtp.corp.internal, 10.0.0.0/8, fd00::1");
    expect(
      parseEnv({ ...base, ORGLENS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })
        .ORGLENS_ENCRYPTION_KEY,
    ).toBeDefined();
  });

  it("allows the demo sign-in outside production, with no identity provider", () => {
    expect(
      parseEnv({ ...base, OIDC_ISSUER: undefined, ORGLENS_DEMO_SIGNIN: "1" }).ORGLENS_DEMO_SIGNIN,
    ).toBe(true);
  });

  it("allows the demo sign-in in a production build only when the deployment is explicitly a demo", () => {
    const env = parseEnv({
      ...base,
      NODE_ENV: "production",
      ORGLENS_DEPLOYMENT: "demo",
      ORGLENS_DEMO_SIGNIN: "1",
    });
    expect(env.ORGLENS_DEMO_SIGNIN).toBe(true);
    expect(isDemoDeploymentEnv(env)).toBe(true);
  });
});

describe("demoSignInAllowed (checked again at sign-in time)", () => {
  it.each([
    [{ NODE_ENV: "production", ORGLENS_DEPLOYMENT: undefined, ORGLENS_DEMO_SIGNIN: "1" }, false],
    [{ NODE_ENV: "production", ORGLENS_DEPLOYMENT: "local", ORGLENS_DEMO_SIGNIN: "1" }, false],
    [
      { NODE_ENV: "development", ORGLENS_DEPLOYMENT: "production", ORGLENS_DEMO_SIGNIN: "1" },
      false,
    ],
    [{ NODE_ENV: "production", ORGLENS_DEPLOYMENT: "demo", ORGLENS_DEMO_SIGNIN: "0" }, false],
    [{ NODE_ENV: "production", ORGLENS_DEPLOYMENT: "demo", ORGLENS_DEMO_SIGNIN: "1" }, true],
    [{ NODE_ENV: "development", ORGLENS_DEPLOYMENT: undefined, ORGLENS_DEMO_SIGNIN: "true" }, true],
  ])("%o -> %s", (source, allowed) => {
    expect(demoSignInAllowed(source)).toBe(allowed);
  });

  it("a demo deployment is only the one that says so", () => {
    expect(isDemoDeploymentEnv({ ORGLENS_DEPLOYMENT: "demo" })).toBe(true);
    expect(isDemoDeploymentEnv({ ORGLENS_DEPLOYMENT: "local" })).toBe(false);
    expect(isDemoDeploymentEnv({})).toBe(false);
  });
});
