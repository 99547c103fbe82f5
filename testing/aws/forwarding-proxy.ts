// One local HTTP proxy in front of moto: a test decides per request whether to answer it itself
// (a fake or an injected error); everything else goes on to moto byte for byte.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";

export interface ForwardingProxy {
  endpoint: string;
  close(): Promise<void>;
}

/** Answers the request and returns true, or returns false to let moto answer it. */
export type Intercept = (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean;

export async function startForwardingProxy(
  upstream: string,
  intercept: Intercept,
): Promise<ForwardingProxy> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (intercept(req, body, res)) return;
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
