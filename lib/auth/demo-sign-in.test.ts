import { describe, expect, it } from "vitest";
import { authorizeDemo } from "./demo-sign-in";

const demo = { NODE_ENV: "production", ORGLENS_DEPLOYMENT: "demo", ORGLENS_DEMO_SIGNIN: "1" };

describe("authorizeDemo", () => {
  it("signs a demo user in, in a demo deployment", () => {
    expect(authorizeDemo({ role: "admin" }, demo)).toMatchObject({
      email: "admin@demo.orglens",
      groups: ["orglens-demo-admin"],
    });
    expect(authorizeDemo({ role: "root" }, demo)).toBeNull();
  });

  it.each([
    [
      "a production build without ORGLENS_DEPLOYMENT=demo",
      { ...demo, ORGLENS_DEPLOYMENT: undefined },
    ],
    [
      "a production deployment",
      { ...demo, NODE_ENV: "development", ORGLENS_DEPLOYMENT: "production" },
    ],
    ["the demo sign-in switched off", { ...demo, ORGLENS_DEMO_SIGNIN: "0" }],
  ])(
    "refuses at sign-in time in %s, whatever the provider list said at start-up",
    (_what, runtime) => {
      expect(authorizeDemo({ role: "admin" }, runtime)).toBeNull();
    },
  );
});
