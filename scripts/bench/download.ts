// The benchmark's HTTP client for large downloads: node:http, decoded as a browser would and counted
// as the bytes arrive, so the figure is the server's and not the client's. Node 20's fetch (undici)
// was not fit for this: when its reader is slower than the loopback, each resume concatenates every
// byte still buffered, copies it into the parser and unshifts the rest back (quadratic in what is
// buffered); at 20,000 accounts the server had sent the whole FOCUS file and sat idle for minutes
// while the benchmark re-copied it.
import { once } from "node:events";
import http from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/** What a browser offers; the server compresses what it compresses, the client decodes it. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

/** Newlines in a stream of bytes: memchr per line (Buffer.indexOf), not a JS step per byte. */
export async function countLines(
  body: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>,
): Promise<number> {
  let lines = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

function decoder(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case "":
    case "identity":
      return undefined;
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      throw new Error(`unsupported Content-Encoding ${encoding}`);
  }
}

export interface DownloadedLines {
  status: number;
  /** Lines of the decoded body (2xx only; 0 otherwise). */
  lines: number;
  /** `Retry-After` in seconds, when the server sent one. */
  retryAfterSeconds?: number;
  /** The start of the body of an answer that is not 2xx, for the error message. */
  errorText?: string;
}

/** GET `url`, decoding the body as a browser does and counting its lines as they arrive. */
export async function downloadLines(
  url: string,
  headers: Record<string, string> = {},
): Promise<DownloadedLines> {
  const req = http.get(url, {
    headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING, ...headers },
  });
  const [res] = (await once(req, "response")) as [http.IncomingMessage];
  const status = res.statusCode ?? 0;
  const retry = Number(res.headers["retry-after"]);
  const retryAfterSeconds = Number.isFinite(retry) && retry >= 0 ? retry : undefined;
  let decode: ReturnType<typeof decoder>;
  try {
    decode = decoder(res.headers["content-encoding"]);
  } catch (err) {
    res.destroy();
    throw err;
  }
  let lines = 0;
  let text = "";
  const ok = status >= 200 && status < 300;
  const consume = async (body: AsyncIterable<Buffer>) => {
    if (ok) lines = await countLines(body);
    else for await (const chunk of body) if (text.length < 300) text += chunk.toString("utf8");
  };
  if (decode) await pipeline(res, decode, consume);
  else await pipeline(res as Readable, consume);
  return {
    status,
    lines,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(ok ? {} : { errorText: text.slice(0, 300) }),
  };
}
