// Client-side fetch that validates the response with the same zod schema the server used.
import { z } from "zod";

// No eval in the browser: the pages' Content-Security-Policy forbids it, and zod's JIT would probe
// `new Function` at the first object parse, which Chromium reports as a CSP violation.
z.config({ jitless: true });

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The error body's `details` (e.g. the rows an import rejected) or a 400's `fields`, unparsed. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Writes always declare JSON, body or not: the server refuses anything else from a session (CSRF). */
const isWrite = (method?: string) =>
  method !== undefined && !["GET", "HEAD"].includes(method.toUpperCase());

export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const res = await fetch(url, {
    ...init,
    headers: {
      accept: "application/json",
      ...(isWrite(init?.method) ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  if (!res.ok) {
    let message = `Request failed (${res.status})`;
    let details: unknown;
    try {
      const body: unknown = await res.json();
      if (body && typeof body === "object" && "error" in body && typeof body.error === "string")
        message = body.error;
      if (body && typeof body === "object" && "details" in body) details = body.details;
      else if (body && typeof body === "object" && "fields" in body) details = body.fields;
    } catch {
      // Not JSON: keep the status message.
    }
    throw new ApiError(message, res.status, details);
  }
  return schema.parse(await res.json());
}

/** `fetchJson` with a JSON body: POST unless another method is given. */
export function postJson<S extends z.ZodType>(
  url: string,
  schema: S,
  body: unknown,
  method: "POST" | "PUT" | "PATCH" = "POST",
): Promise<z.infer<S>> {
  return fetchJson(url, schema, { method, body: JSON.stringify(body) });
}
