import { describe, expect, it } from "vitest";
import { mapOidcProfile } from "./oidc-profile";

describe("mapOidcProfile", () => {
  it("keeps a verified email claim as the verified email", () => {
    const user = mapOidcProfile(
      {
        sub: "u1",
        email: "Root@X.example",
        email_verified: true,
        name: "Root",
        groups: ["a", "b"],
      },
      "groups",
    );
    expect(user).toEqual({
      id: "u1",
      email: "Root@X.example",
      verifiedEmail: "Root@X.example",
      name: "Root",
      groups: ["a", "b"],
    });
  });

  it.each([
    ["an email without email_verified", { sub: "u1", email: "root@x.example" }],
    [
      "an email with email_verified false",
      { sub: "u1", email: "root@x.example", email_verified: false },
    ],
    ["email_verified as a string", { sub: "u1", email: "root@x.example", email_verified: "true" }],
    ["only preferred_username", { sub: "u1", preferred_username: "root@x.example" }],
    ["only a sub that looks like an email", { sub: "root@x.example" }],
  ])("gives no verified email for %s", (_what, raw) => {
    const user = mapOidcProfile(raw, "groups");
    expect(user.verifiedEmail).toBeNull();
    // Still a name to show and audit by.
    expect(user.email).toBe("root@x.example");
  });

  it("reads groups from the configured claim, as a list or a comma-separated string", () => {
    expect(mapOidcProfile({ sub: "u1", roles: "x, y" }, "roles").groups).toEqual(["x", "y"]);
    expect(mapOidcProfile({ sub: "u1" }, "roles").groups).toEqual([]);
  });
});
