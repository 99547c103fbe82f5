// Sits between the collector and moto: Cost Explorer's GetCostAndUsage is answered by a fake (moto
// only replays canned answers), every other request goes on to moto untouched. The collector runs
// its real SDK clients, signing, JSON protocol and paging against it.
import { createServer, request, type Server } from "node:http";
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
} from "@aws-sdk/client-cost-explorer";

export interface CostExplorerProxy {
  endpoint: string;
  close(): Promise<void>;
}

const TARGET = "AWSInsightsIndexService.GetCostAndUsage";

/** The SDK wrote the body from a typed input: a request with a time period is one. */
function isInput(v: unknown): v is GetCostAndUsageCommandInput {
  return typeof v === "object" && v !== null && "TimePeriod" in v;
}

export async function startCostExplorerProxy(
  upstream: string,
  answer: (input: GetCostAndUsageCommandInput) => GetCostAndUsageCommandOutput,
): Promise<CostExplorerProxy> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (req.headers["x-amz-target"] === TARGET) {
        const parsed: unknown = JSON.parse(body.toString("utf8"));
        if (!isInput(parsed)) {
          res
            .writeHead(400, { "content-type": "application/x-amz-json-1.1" })
            .end(JSON.stringify({ __type: "ValidationException", Message: "no TimePeriod" }));
          return;
        }
        const { $metadata: _metadata, ...output } = answer(parsed);
        res
          .writeHead(200, { "content-type": "application/x-amz-json-1.1" })
          .end(JSON.stringify(output));
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
