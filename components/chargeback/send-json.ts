// Writes to the chargeback API: JSON in, the response validated, and the server's own message
// (field errors included) on failure, so a form can show exactly what to fix.
import { z } from "zod";
import { ApiError } from "@/lib/api/fetch-json";

const ZError = z.object({
  error: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export async function sendJson<S extends z.ZodType>(
  url: string,
  method: "POST" | "PUT" | "DELETE",
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const res = await fetch(url, {
    method,
    // JSON even without a body: the server refuses other content types from a session (CSRF).
    headers: { accept: "application/json", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ZError.safeParse(data);
    const fields =
      err.success && err.data.fields?.length
        ? `: ${err.data.fields.map((f) => `${f.path ? `${f.path} – ` : ""}${f.message}`).join("; ")}`
        : "";
    throw new ApiError(
      err.success ? `${err.data.error}${fields}` : `Request failed (${res.status})`,
      res.status,
    );
  }
  return schema.parse(data);
}
