// A loopback HTTP proxy that holds every request for a fixed delay before passing it on to its
// upstream (moto) byte for byte: a stand-in for the round trip to a real AWS endpoint, so that a
// benchmark sees what concurrency buys when calls wait on the network rather than on the emulator.
// Point the SDK at `endpoint` (AWS_ENDPOINT_URL or the collector's config.endpoint).
import { Agent, createServer, request } from "node:http";

export interface LatencyProxy {
  endpoint: string;
  /** Requests forwarded so far. */
  readonly requests: number;
  close(): Promise<void>;
}

export interface LatencyProxyOptions {
  /** Added to every request before it is forwarded. */
  delayMs: number;
}

export async function startLatencyProxy(
  upstream: string,
  { delayMs }: LatencyProxyOptions,
): Promise<LatencyProxy> {
  const target = new URL(upstream);
  // Reuse connections to moto: the proxy must not add its own connection set-up to every call.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests++;
      const body = Buffer.concat(chunks);
      setTimeout(() => {
        const forward = request(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
            agent,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.rawHeaders);
            up.pipe(res);
          },
        );
        forward.on("error", (err) => {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end(`latency proxy: upstream failed: ${err.message}`);
        });
        forward.end(body);
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
