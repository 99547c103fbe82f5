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
    /** The error's named code (lib/errors.ts), when the server sent one. */
    readonly code: string | undefined = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** An error body as every route writes it (lib/server/http/route.ts): a message, a code, field errors or details. */
const ZErrorBody = z.object({
  error: z.string(),
  code: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.unknown().optional(),
});

/**
 * The server's own message, with a 400's field errors appended ("name – required; …"), so every form
 * that shows `error.message` tells the user exactly what to fix.
 */
async function apiErrorOf(res: Response): Promise<ApiError> {
  const body = ZErrorBody.safeParse(await res.json().catch(() => null));
  if (!body.success) return new ApiError(`Request failed (${res.status})`, res.status);
  const { error, code, fields, details } = body.data;
  const fieldText = fields?.length
    ? `: ${fields.map((f) => `${f.path ? `${f.path} – ` : ""}${f.message}`).join("; ")}`
    : "";
  return new ApiError(`${error}${fieldText}`, res.status, details ?? fields, code);
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
  if (!res.ok) throw await apiErrorOf(res);
  return schema.parse(await res.json());
}

/** `fetchJson` for a write with a JSON body (none when `undefined`): POST unless another method is given. */
export function postJson<S extends z.ZodType>(
  url: string,
  schema: S,
  body: unknown,
  method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST",
): Promise<z.infer<S>> {
  return fetchJson(url, schema, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
