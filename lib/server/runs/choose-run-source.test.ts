import { describe, expect, it } from "vitest";
import { chooseRunSource } from "./choose-run-source";

describe("chooseRunSource", () => {
  it("refreshes the source the data came from", () => {
    expect(chooseRunSource("demo", { AWS_PROFILE: "prod" })).toBe("demo");
    expect(chooseRunSource("aws", {})).toBe("aws");
  });

  it("with no earlier run (or a FOCUS import only), uses AWS when the environment is set up for it", () => {
    expect(chooseRunSource(null, { AWS_ACCESS_KEY_ID: "AKIA…" })).toBe("aws");
    expect(chooseRunSource("focus", { AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token" })).toBe("aws");
    expect(chooseRunSource(null, {})).toBe("demo");
    expect(chooseRunSource(null, { AWS_PROFILE: "" })).toBe("demo");
  });
});
