// Sits between the collector and moto and answers the first N calls of chosen operations with
// AWS's throttling errors, so that the SDK's own (adaptive) retries are exercised for real.
import { createServer, request, type IncomingMessage, type Server } from "node:http";

export interface ThrottleRule {
  /** Matches the operation: IAM's "Action=..." form body or a JSON protocol's X-Amz-Target. */
  operation: string;
  times: number;
  protocol: "query" | "json";
}

export interface ThrottlingProxy {
  endpoint: string;
  throttled: Map<string, number>;
  close(): Promise<void>;
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
  const target = new URL(upstream);
  const throttled = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const op = operationOf(req, body.toString("utf8"));
      const rule = rules.find((r) => r.operation === op);
      const count = throttled.get(op) ?? 0;
      if (rule && count < rule.times) {
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
        return;
      }
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on("error", () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    throttled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
