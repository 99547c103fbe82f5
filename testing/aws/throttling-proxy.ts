// Sits between the collector and moto and answers the first N calls of chosen operations with
// AWS's throttling errors, so that the SDK's own (adaptive) retries are exercised for real.
import type { IncomingMessage } from "node:http";
import { startForwardingProxy, type ForwardingProxy } from "./forwarding-proxy";

export interface ThrottleRule {
  /** Matches the operation: IAM's "Action=..." form body or a JSON protocol's X-Amz-Target. */
  operation: string;
  times: number;
  protocol: "query" | "json";
}

export interface ThrottlingProxy extends ForwardingProxy {
  throttled: Map<string, number>;
}

function operationOf(req: IncomingMessage, body: string): string {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") return target.split(".").at(-1) ?? "";
  return new URLSearchParams(body).get("Action") ?? "";
}

export async function startThrottlingProxy(
  upstream: string,
  rules: ThrottleRule[],
): Promise<ThrottlingProxy> {
  const throttled = new Map<string, number>();
  const proxy = await startForwardingProxy(upstream, (req, body, res) => {
    const op = operationOf(req, body.toString("utf8"));
    const rule = rules.find((r) => r.operation === op);
    const count = throttled.get(op) ?? 0;
    if (!rule || count >= rule.times) return false;
    throttled.set(op, count + 1);
    if (rule.protocol === "json") {
      res
        .writeHead(400, { "content-type": "application/x-amz-json-1.1" })
        .end(JSON.stringify({ __type: "TooManyRequestsException", Message: "Rate exceeded" }));
    } else {
      res
        .writeHead(400, { "content-type": "text/xml" })
        .end(
          "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>",
        );
    }
    return true;
  });
  return { ...proxy, throttled };
}
