import { describe, expect, it } from "vitest";
import { globMatches } from "./glob";

describe("globMatches", () => {
  it.each([
    ["arn:aws:iam::*:role/breakglass-*", "arn:aws:iam::111122223333:role/breakglass-ops", true],
    ["arn:aws:iam::*:role/breakglass-*", "arn:aws:iam::111122223333:role/breakglass-", true],
    // Look-alikes: almost the pattern, but not it.
    ["arn:aws:iam::*:role/breakglass-*", "arn:aws:iam::111122223333:role/breakglass", false],
    ["arn:aws:iam::*:role/breakglass-*", "arn:aws:iam::111122223333:role/Breakglass-ops", false],
    ["arn:aws:iam::*:role/breakglass-*", "arn:aws:iam::111122223333:user/breakglass-ops", false],
    ["arn:aws:iam::*:role/breakglass-*", "xarn:aws:iam::1:role/breakglass-a", false],
    // `*` crosses `/` and `:`; `?` is exactly one character.
    ["arn:*", "arn:aws:s3:::bucket/key/deep", true],
    ["bucket-??", "bucket-01", true],
    ["bucket-??", "bucket-1", false],
    ["bucket-??", "bucket-001", false],
    // No pattern characters: the whole resource, literally (regex syntax means nothing).
    ["a.b", "a.b", true],
    ["a.b", "axb", false],
    ["(a+)+$", "(a+)+$", true],
    ["", "", true],
    ["", "x", false],
    ["*", "", true],
    ["**a*", "bba", true],
    ["*a*b", "xaxxc", false],
  ])("%s against %s is %s", (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it("answers a pathological pattern without backtracking blow-up", () => {
    const pattern = "*a".repeat(200) + "b";
    const text = "a".repeat(5_000);
    expect(globMatches(pattern, text)).toBe(false);
    expect(globMatches(pattern, text + "b")).toBe(true);
  });
});
