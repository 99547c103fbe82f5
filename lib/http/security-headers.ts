// The security headers of every answer. Pages get a Content-Security-Policy with a fresh nonce per
// response (set by proxy.ts, which Next.js reads to put the nonce on its own scripts); API answers and
// everything else get a policy that allows nothing, and all get the static headers below
// (next.config.ts). No "server-only": next.config.ts imports it at build time.

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids; a production build never does. */
  dev: boolean;
  /** Where sign-in forms may post to besides the app (the identity provider's origin). */
  formTargets: readonly string[];
}

export function pageContentSecurityPolicy(o: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next.js loads from its nonce'd bootstrap are trusted; no host allow-list.
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    // Charts (recharts) and the UI set style attributes; a style nonce would disable 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...o.formTargets].join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON, CSV and anything that is not a page: nothing may load, nothing may frame it. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every answer. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Only over https (a TLS-terminating proxy says so in X-Forwarded-Proto): two years, subdomains included. */
export const HSTS = {
  key: "Strict-Transport-Security",
  value: "max-age=63072000; includeSubDomains",
};

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
