// In-process: what Cost Explorer answers that the fake cannot express over the wire as easily
// (an SDK-level AccessDenied on the very first request) and the parsers' edge cases.
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { CostExplorerServiceException } from "@aws-sdk/client-cost-explorer";
import { describe, expect, it } from "vitest";
import { readCommitments } from "./commitments";
import { parseReservationUtilization, parseSavingsPlansDetails } from "./commitments-parse";
import { RequestMeter } from "./meter";

const plan = { months: ["2025-05-01"], ranges: [{ start: "2025-05-01", end: "2025-06-01" }] };

function clientThrowing(
  name: string,
  message = "User: arn:aws:iam::111111111111:user/x is not authorized to perform this action",
): { client: CostExplorerClient; calls: string[] } {
  const calls: string[] = [];
  const client = {
    send: (command: object) => {
      calls.push(command.constructor.name);
      return Promise.reject(
        new CostExplorerServiceException({
          name,
          $fault: "client",
          $metadata: { httpStatusCode: 400 },
          message,
        }),
      );
    },
  } as unknown as CostExplorerClient;
  return { client, calls };
}

describe("readCommitments", () => {
  it("records an organization without permission as denied for both kinds and does not throw", async () => {
    const { client, calls } = clientThrowing("AccessDeniedException");
    const meter = new RequestMeter(100, "0.01");
    const out = await readCommitments(client, meter, plan, () => {}, { sleep: async () => {} });
    expect(out.status.map((s) => [s.kind, s.status])).toEqual([
      ["savings_plan", "denied"],
      ["reserved_instance", "denied"],
    ]);
    expect(out.coverage).toEqual([]);
    // One billed request per kind: a denial is not retried.
    expect(calls).toEqual(["GetSavingsPlansCoverageCommand", "GetReservationCoverageCommand"]);
    expect(meter.ceRequests).toBe(2);
  });

  it("marks another failure as an error, not a denial (look-alike)", async () => {
    const { client } = clientThrowing("ValidationException", "Start date must be before end date");
    const out = await readCommitments(client, new RequestMeter(100, "0.01"), plan, () => {});
    expect(out.status.map((s) => s.status)).toEqual(["error", "error"]);
  });
});

describe("parsers", () => {
  it("takes a Savings Plan's owner from its ARN when the AccountId attribute is missing", () => {
    const rows = parseSavingsPlansDetails(
      {
        SavingsPlansUtilizationDetails: [
          {
            SavingsPlanArn: "arn:aws:savingsplans::123456789012:savingsplan/abc",
            Attributes: { SavingsPlansType: "Compute", EndDateTime: "2026-01-01T00:00:00Z" },
            Utilization: {
              TotalCommitment: "1.2E+2",
              UsedCommitment: "100",
              UnusedCommitment: "20",
            },
          },
        ],
        TimePeriod: { Start: "2025-05-01", End: "2025-06-01" },
      },
      "2025-05-01",
    );
    expect(rows).toEqual([
      expect.objectContaining({
        accountId: "123456789012",
        commitment: "120",
        used: "100",
        unused: "20",
        endsAt: "2026-01-01T00:00:00.000Z",
        description: "Compute",
      }),
    ]);
  });

  it("derives an RI's used fee from its amortized fee and the cost of unused hours", () => {
    const rows = parseReservationUtilization(
      {
        UtilizationsByTime: [
          {
            Groups: [
              {
                Key: "SUBSCRIPTION_ID",
                Value: "42",
                Attributes: {
                  accountId: "123456789012",
                  instanceType: "m5.large",
                  numberOfInstances: "2",
                },
                Utilization: { TotalAmortizedFee: "100.10", RICostForUnusedHours: "0.1" },
              },
              { Key: "SUBSCRIPTION_ID", Value: "43", Attributes: { accountId: "not-an-id" } },
            ],
          },
        ],
      },
      "2025-05-01",
    );
    expect(rows.map((r) => [r.commitmentId, r.used, r.unused, r.description])).toEqual([
      ["42", "100", "0.1", "2 × m5.large"],
    ]);
  });
});
