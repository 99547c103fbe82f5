import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  const policy = pageContentSecurityPolicy({
    nonce: "abc123",
    dev: false,
    formTargets: ["https://idp.example"],
  });
  const directive = (name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

  it("allows only nonce'd scripts, never inline or eval in production", () => {
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(pageContentSecurityPolicy({ nonce: "n", dev: true, formTargets: [] })).toMatch(
      /script-src [^;]*'unsafe-eval'/,
    );
  });

  it("cannot be framed, loads no plugins, and posts forms only to itself and the identity provider", () => {
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("base-uri")).toBe("base-uri 'self'");
    expect(directive("form-action")).toBe("form-action 'self' https://idp.example");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
