// The CloudFormation template users deploy (docs/events/orglens-events.yaml): there is no AWS here to
// deploy it, so this checks what can be checked offline: plain, parseable YAML; every resource typed;
// every condition and Ref/GetAtt pointing at something defined; both rules forwarding exactly the
// events OrgLens reads.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FORWARDED_EVENT_NAMES } from "./interpret-event";

const ZTemplate = z.object({
  AWSTemplateFormatVersion: z.literal("2010-09-09"),
  Parameters: z.record(z.string(), z.looseObject({ Type: z.string() })),
  Conditions: z.record(z.string(), z.unknown()),
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string().regex(/^AWS::\w+::\w+$/),
      Condition: z.string().optional(),
      Properties: z.record(z.string(), z.unknown()),
    }),
  ),
});
const ZRule = z.object({
  EventPattern: z.object({
    source: z.array(z.string()),
    "detail-type": z.array(z.string()),
    detail: z.object({ eventName: z.array(z.string()) }),
  }),
});

const template = ZTemplate.parse(parse(readFileSync("docs/events/orglens-events.yaml", "utf8")));

/** Every { Ref: x } and { "Fn::GetAtt": [x, …] } in the template. */
function references(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "Ref" && typeof value === "string") out.push(value);
      else if (key === "Fn::GetAtt" && Array.isArray(value) && typeof value[0] === "string")
        out.push(value[0]);
      else references(value, out);
    }
  }
  return out;
}

describe("docs/events/orglens-events.yaml", () => {
  it("refers only to parameters, resources, conditions and pseudo parameters it defines", () => {
    const known = new Set([
      ...Object.keys(template.Parameters),
      ...Object.keys(template.Resources),
      "AWS::AccountId",
      "AWS::Region",
      "AWS::Partition",
    ]);
    expect(references(template).filter((r) => !known.has(r))).toEqual([]);
    const conditions = Object.values(template.Resources).flatMap((r) =>
      r.Condition ? [r.Condition] : [],
    );
    expect(conditions.filter((c) => !(c in template.Conditions))).toEqual([]);
  });

  it("forwards, and delivers, exactly the events OrgLens reads", () => {
    const rules = Object.values(template.Resources).filter((r) => r.Type === "AWS::Events::Rule");
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      const { EventPattern: p } = ZRule.parse(rule.Properties);
      expect(p.detail.eventName.toSorted()).toEqual([...FORWARDED_EVENT_NAMES].toSorted());
      expect(p["detail-type"]).toEqual([
        "AWS API Call via CloudTrail",
        "AWS Service Event via CloudTrail",
      ]);
    }
  });

  it("keeps the ingest token out of outputs and logs (NoEcho) and sends it as a bearer header", () => {
    expect(template.Parameters["IngestToken"]).toMatchObject({ NoEcho: true });
    const connection = template.Resources["OrgLensConnection"];
    expect(connection?.Properties).toMatchObject({
      AuthorizationType: "API_KEY",
      AuthParameters: {
        ApiKeyAuthParameters: {
          ApiKeyName: "Authorization",
          ApiKeyValue: { "Fn::Sub": "Bearer ${IngestToken}" },
        },
      },
    });
  });
});
