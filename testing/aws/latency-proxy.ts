// A loopback HTTP proxy that holds every request for a fixed delay before passing it on to its
// upstream (moto): method, path, end-to-end headers and bodies byte for byte: a stand-in for the round trip to a real AWS endpoint, so that a
// benchmark sees what concurrency buys when calls wait on the network rather than on the emulator.
// Point the SDK at `endpoint` (AWS_ENDPOINT_URL or the collector's config.endpoint).
import { Agent, createServer, request } from "node:http";

/** Per-connection headers (RFC 9110 §7.6.1): each side of the proxy keeps its own connections. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

function endToEnd(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [name, value] = [raw[i] ?? "", raw[i + 1] ?? ""];
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, value);
  }
  return out;
}

export interface LatencyProxy {
  endpoint: string;
  /** Requests forwarded so far. */
  readonly requests: number;
  /** TCP connections clients opened to the proxy so far (keep-alive reuse shows as few). */
  readonly connections: number;
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
            headers: endToEnd(req.rawHeaders),
            agent,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, endToEnd(up.rawHeaders));
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
  let connections = 0;
  server.on("connection", () => connections++);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
