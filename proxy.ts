// Every page requires a session; unauthenticated visitors go to /signin. API routes answer 401 themselves
// (through the route guard) rather than being redirected.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/signin" } });

export const config = {
  matcher: ["/((?!api/|signin|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2)$).*)"],
};
