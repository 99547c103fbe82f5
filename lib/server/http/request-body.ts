// Reads a JSON request body with a byte cap: an oversized body is refused as soon as its declared
// length or the bytes actually received pass the cap, so a signed-in caller cannot make the server
// buffer and parse megabytes.
import "server-only";
import { AppError } from "@/lib/errors";

/** Default cap for JSON bodies; routes with larger legitimate bodies raise it in their spec. */
export const DEFAULT_JSON_BODY_LIMIT = 256 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(
    "BODY_TOO_LARGE",
    `The request body is too large (limit ${Math.round(maxBytes / 1024)} KB).`,
  );

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop the upload here: nothing more is read or kept.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = req.body ? await readCapped(req.body, maxBytes) : new Uint8Array();
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BODY_NOT_JSON", "The request body must be JSON.");
  }
}
