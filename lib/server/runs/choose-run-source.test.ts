import { describe, expect, it } from "vitest";
import { AWS_NOT_CONFIGURED, chooseRunSource, type TRunSourceChoice } from "./choose-run-source";

const DEMO = { ORGLENS_DEPLOYMENT: "demo" };

function refusal(choice: TRunSourceChoice): string {
  return "refused" in choice ? choice.refused : `collects from ${choice.source}`;
}

describe("chooseRunSource", () => {
  it("refreshes AWS data from AWS", () => {
    expect(chooseRunSource("aws", {})).toEqual({ source: "aws" });
    expect(chooseRunSource("aws", { ORGLENS_DEPLOYMENT: "production" })).toEqual({ source: "aws" });
  });

  it("with no earlier run (or a FOCUS import only), uses AWS when the environment is set up for it", () => {
    expect(chooseRunSource(null, { AWS_ACCESS_KEY_ID: "AKIA…" })).toEqual({ source: "aws" });
    expect(chooseRunSource("focus", { AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token" })).toEqual({
      source: "aws",
    });
    expect(chooseRunSource(null, { ORGLENS_AWS_ROLE_NAME: "OrgLensAudit" })).toEqual({
      source: "aws",
    });
  });

  it("outside a demo deployment, never falls back to the demo: no AWS settings is an error saying what to set", () => {
    expect(chooseRunSource(null, {})).toEqual({ refused: AWS_NOT_CONFIGURED });
    expect(chooseRunSource(null, { AWS_PROFILE: "", ORGLENS_DEPLOYMENT: "production" })).toEqual({
      refused: AWS_NOT_CONFIGURED,
    });
    expect(AWS_NOT_CONFIGURED).toMatch(/AWS_PROFILE.*ORGLENS_AWS_ROLE_NAME.*docs\/aws-setup\.md/);
  });

  it("outside a demo deployment, refuses to build on demo data, even with AWS settings", () => {
    expect(refusal(chooseRunSource("demo", { AWS_PROFILE: "prod" }))).toMatch(
      /holds the demo organization.*db:reset-data/,
    );
  });

  it("a demo deployment collects the demo, and never over real data", () => {
    expect(chooseRunSource(null, DEMO)).toEqual({ source: "demo" });
    expect(chooseRunSource("demo", { ...DEMO, AWS_PROFILE: "prod" })).toEqual({ source: "demo" });
    expect(refusal(chooseRunSource("aws", DEMO))).toMatch(/real organization.*db:reset-data/);
  });
});
