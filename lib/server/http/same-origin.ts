// CSRF defence for cookie-authenticated writes: the request must come from the app's own pages
// (Origin, or the browser's Sec-Fetch-Site when Origin is absent), and whatever body it carries must
// be JSON, which a cross-site HTML form cannot send and a cross-site fetch cannot send without a
// CORS preflight the app never grants.

const JSON_TYPE = "application/json";

function isJson(contentType: string | null): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return essence === JSON_TYPE;
}

/** Whether the request declares a body: a length above zero, a chunked upload, or a content type. */
function declaresBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return (
    (length !== null && length.trim() !== "0") ||
    headers.has("transfer-encoding") ||
    headers.has("content-type")
  );
}

/**
 * `null` when a state-changing request with a session cookie may go on, else the reason to refuse it.
 * A body-less action (DELETE, a trigger) needs no content type; any body must be declared JSON.
 */
export function checkSameOriginJson(headers: Headers, appOrigin: string): string | null {
  const origin = headers.get("origin");
  const sameOrigin =
    origin !== null ? origin === appOrigin : headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin)
    return "Refused: a cross-site request cannot change data. Use OrgLens from its own address.";
  if (declaresBody(headers) && !isJson(headers.get("content-type"))) {
    return "Refused: requests that change data must send Content-Type: application/json.";
  }
  return null;
}
