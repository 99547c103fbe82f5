// Sits between the collector and moto: Cost Explorer's GetCostAndUsage is answered by a fake (moto
// only replays canned answers), every other request goes on to moto untouched. The collector runs
// its real SDK clients, signing, JSON protocol and paging against it.
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
} from "@aws-sdk/client-cost-explorer";
import { startForwardingProxy, type ForwardingProxy } from "./forwarding-proxy";

export type CostExplorerProxy = ForwardingProxy;

const TARGET = "AWSInsightsIndexService.GetCostAndUsage";

/** The SDK wrote the body from a typed input: a request with a time period is one. */
function isInput(v: unknown): v is GetCostAndUsageCommandInput {
  return typeof v === "object" && v !== null && "TimePeriod" in v;
}

/** Another Cost Explorer operation's answer: a 200 body, or an AWS error (`__type`) with its status. */
export type CeOtherAnswer = { status: number; body: Record<string, unknown> } | null;

export function startCostExplorerProxy(
  upstream: string,
  answer: (input: GetCostAndUsageCommandInput) => GetCostAndUsageCommandOutput,
  /** Other operations (by name, e.g. "GetSavingsPlansCoverage"); null lets moto answer. */
  other?: (operation: string, input: unknown) => CeOtherAnswer,
): Promise<CostExplorerProxy> {
  return startForwardingProxy(upstream, (req, body, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (other && target.startsWith("AWSInsightsIndexService.") && target !== TARGET) {
      const out = other(target.slice(target.indexOf(".") + 1), JSON.parse(body.toString("utf8")));
      if (!out) return false;
      res
        .writeHead(out.status, { "content-type": "application/x-amz-json-1.1" })
        .end(JSON.stringify(out.body));
      return true;
    }
    if (target !== TARGET) return false;
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (!isInput(parsed)) {
      res
        .writeHead(400, { "content-type": "application/x-amz-json-1.1" })
        .end(JSON.stringify({ __type: "ValidationException", Message: "no TimePeriod" }));
      return true;
    }
    const { $metadata: _metadata, ...output } = answer(parsed);
    res
      .writeHead(200, { "content-type": "application/x-amz-json-1.1" })
      .end(JSON.stringify(output));
    return true;
  });
}
