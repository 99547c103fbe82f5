import { describe, expect, it } from "vitest";
import {
  accountOfPrincipal,
  actionMatches,
  conditionValues,
  decodePolicyDocument,
  principalsOf,
  statementCoversAction,
  statementsOf,
} from "./policy-grammar";

describe("decodePolicyDocument", () => {
  const doc = {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
    ],
  };

  it.each([
    ["plain JSON", JSON.stringify(doc)],
    [
      "URL-encoded, as GetAccountAuthorizationDetails returns it",
      encodeURIComponent(JSON.stringify(doc)),
    ],
    ["URL-encoded with spaces and newlines", encodeURIComponent(JSON.stringify(doc, null, 2))],
  ])("decodes %s", (_name, text) => {
    expect(decodePolicyDocument(text)).toEqual(doc);
  });

  it("rejects text that is not a policy document", () => {
    expect(() => decodePolicyDocument("%7B%22foo%22%3A1%7D")).toThrow();
  });
});

describe("policy grammar", () => {
  it.each([
    ["iam:CreateUser", "iam:CreateUser", true],
    ["iam:*", "iam:CreateUser", true],
    ["*", "iam:CreateAccessKey", true],
    ["iam:Create*", "iam:CreateUser", true],
    ["IAM:createuser", "iam:CreateUser", true],
    ["iam:Create?ser", "iam:CreateUser", true],
    ["iam:Delete*", "iam:CreateUser", false],
    ["iam:CreateUsers", "iam:CreateUser", false],
    ["s3:*", "iam:CreateUser", false],
  ])("%s matches %s: %s", (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it("reads Statement as an object or an array and skips malformed statements", () => {
    expect(statementsOf({ Statement: { Effect: "Allow", Action: "s3:GetObject" } })).toHaveLength(
      1,
    );
    expect(
      statementsOf({ Statement: [{ Effect: "Allow", Action: ["a:b"] }, { Effect: "Maybe" }] }),
    ).toHaveLength(1);
  });

  it("treats NotAction as covering everything it does not list", () => {
    const [s] = statementsOf({
      Statement: { Effect: "Deny", NotAction: ["s3:*", "cloudwatch:*"], Resource: "*" },
    });
    expect(s && statementCoversAction(s, "iam:CreateUser")).toBe(true);
    expect(s && statementCoversAction(s, "s3:PutObject")).toBe(false);
  });

  it("reads principals in every shape", () => {
    expect(principalsOf("*").anyone).toBe(true);
    expect(principalsOf({ AWS: "*" }).anyone).toBe(true);
    expect(
      principalsOf({
        AWS: ["arn:aws:iam::123456789012:root", "210987654321"],
        Service: "ec2.amazonaws.com",
      }),
    ).toEqual({
      anyone: false,
      aws: ["arn:aws:iam::123456789012:root", "210987654321"],
      service: ["ec2.amazonaws.com"],
      federated: [],
    });
  });

  it.each([
    ["arn:aws:iam::123456789012:root", "123456789012"],
    ["123456789012", "123456789012"],
    ["arn:aws:sts::123456789012:assumed-role/r/s", "123456789012"],
    ["arn:aws-us-gov:iam::123456789012:role/x", "123456789012"],
    ["AROAEXAMPLEID", null],
  ])("account of %s is %s", (principal, expected) => {
    expect(accountOfPrincipal(principal)).toBe(expected);
  });

  it("collects condition values by lower-cased key across operators", () => {
    const [s] = statementsOf({
      Statement: {
        Effect: "Allow",
        Condition: {
          StringEquals: { "sts:ExternalId": "x" },
          "ForAnyValue:StringLike": { "aws:PrincipalOrgID": ["o-1", "o-2"] },
        },
      },
    });
    const values = s ? conditionValues(s) : new Map();
    expect(values.get("sts:externalid")).toEqual(["x"]);
    expect(values.get("aws:principalorgid")).toEqual(["o-1", "o-2"]);
  });
});
