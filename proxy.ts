// Every page: a fresh CSP nonce (Next.js puts it on its own scripts, the root layout on the theme
// script) and, except on the sign-in page, a session, else a redirect to /signin. API routes answer
// 401 themselves (through the route guard) rather than being redirected.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

const SIGN_IN = "/signin";

function formTargets(): string[] {
  const issuer = process.env.OIDC_ISSUER;
  return issuer && URL.canParse(issuer) ? [new URL(issuer).origin] : [];
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (pathname !== SIGN_IN && !(await getToken({ req, secret: process.env.NEXTAUTH_SECRET }))) {
    const signIn = new URL(SIGN_IN, req.nextUrl.origin);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    formTargets: formTargets(),
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
