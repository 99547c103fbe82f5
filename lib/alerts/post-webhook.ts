// One webhook POST to a checked address: the host is resolved and checked once (target-policy), then
// the request connects to that very address, with the Host header and TLS server name of the URL so
// virtual hosting and certificate checks work as before. Redirects are never followed (a 3xx is an
// answer like any other), and the response body is drained unread: only the status comes back.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { resolveTarget, type Resolver, type TAllowEntry } from "./target-policy";

export interface PostTarget {
  allow: readonly TAllowEntry[];
  resolve?: Resolver;
  timeoutMs: number;
}

export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  target: PostTarget,
): Promise<number> {
  const u = new URL(url);
  const { address, family } = await resolveTarget(u.hostname, target.allow, target.resolve);
  const common = {
    host: address,
    family,
    port: u.port ? Number(u.port) : undefined,
    path: `${u.pathname}${u.search}`,
    method: "POST",
    headers: {
      ...headers,
      host: u.host,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
    },
    signal: AbortSignal.timeout(target.timeoutMs),
    // A fresh connection per delivery: a pooled socket must never carry a request to another target.
    agent: false,
  } satisfies http.RequestOptions;
  const hostname = u.hostname.replace(/^\[|\]$/g, "");
  const req =
    u.protocol === "https:"
      ? https.request({ ...common, servername: isIP(hostname) ? undefined : hostname })
      : http.request(common);
  return new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}
