import { describe, expect, it } from "vitest";
import { standardLabel } from "./standard-label";

describe("standardLabel", () => {
  it.each([
    [
      "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "AWS Foundational Security Best Practices v1.0.0",
    ],
    [
      "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0",
      "CIS AWS Foundations Benchmark v1.2.0",
    ],
    [
      "arn:aws:securityhub:eu-west-1::standards/some-new-standard/v/2.0.0",
      "some-new-standard v2.0.0",
    ],
    ["not an arn", "not an arn"],
  ])("%s", (arn, label) => expect(standardLabel(arn)).toBe(label));
});
