// CSRF defence for cookie-authenticated writes: the request must come from the app's own pages
// (Origin, or the browser's Sec-Fetch-Site when Origin is absent) and carry JSON, which a cross-site
// HTML form cannot send and a cross-site fetch cannot send without a CORS preflight we never grant.

const JSON_TYPE = "application/json";

function isJson(contentType: string | null): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return essence === JSON_TYPE;
}

/**
 * `null` when a state-changing request with a session cookie may go on, else the reason to refuse it.
 * `expectsBody`: the route reads a JSON body, so a missing content type is refused too; a body-less
 * action (DELETE, a trigger) may omit it, but any content type it declares must be JSON.
 */
export function checkSameOriginJson(headers: Headers, appOrigin: string, expectsBody: boolean): string | null {
  const origin = headers.get("origin");
  const sameOrigin = origin !== null ? origin === appOrigin : headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) return "Refused: a cross-site request cannot change data. Use OrgLens from its own address.";
  const contentType = headers.get("content-type");
  if ((expectsBody || contentType !== null) && !isJson(contentType)) {
    return "Refused: requests that change data must send Content-Type: application/json.";
  }
  return null;
}
