// GET/POST /api/auth/* – next-auth's sign-in, callback, session and sign-out endpoints
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/http/auth-options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 declares its handler as `any`: call it through a typed wrapper instead.
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  const res: unknown = await NextAuth(req, { params: await ctx.params }, authOptions);
  if (res instanceof Response) return res;
  throw new Error("next-auth returned no response");
}

export { handler as GET, handler as POST };
