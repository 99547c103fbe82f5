// The one route guard: resolve the caller, check the permission table, parse input with zod, and
// send every error through one handler (400/401/403/404/409, or a logged generic 500).
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { withResponseCache } from "@/lib/server/response-cache";
import type { Principal } from "./principal";
import { can, type TPermission } from "./roles";
import { getCaller } from "./session";

type Params = Record<string, string | string[] | undefined>;

export interface RouteContext<Q, B> {
  req: NextRequest;
  principal: Principal;
  query: Q;
  body: B;
  params: Params;
}

export interface RouteSpec<QS extends z.ZodType | undefined, BS extends z.ZodType | undefined> {
  permission: TPermission;
  query?: QS;
  body?: BS;
  /** GET answers that depend only on the data, role, scope and URL: cached per data version (lib/server/response-cache). */
  cache?: boolean;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export function route<QS extends z.ZodType | undefined = undefined, BS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<QS, BS>,
  handler: (ctx: RouteContext<Infer<QS>, Infer<BS>>) => Promise<Response | object>,
) {
  return async (req: NextRequest, ctx: { params: Promise<Params> }): Promise<Response> => {
    try {
      const caller = await getCaller(req);
      if (caller.status === "anonymous") throw new HttpError(401, "Sign in to continue.");
      if (caller.status === "no-role") throw new HttpError(403, "Your account has no OrgLens role. Ask an admin to map one of your groups to a role.");
      const { principal } = caller;
      if (!can(principal.role, spec.permission)) throw new HttpError(403, "You do not have permission to do this.");
      if (principal.kind === "token" && req.method !== "GET") throw new HttpError(403, "API tokens are read-only.");

      const query = spec.query ? spec.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = spec.body ? spec.body.parse(await readJson(req)) : undefined;
      const params = await ctx.params;
      const run = () => handler({ req, principal, query: query as Infer<QS>, body: body as Infer<BS>, params });
      if (spec.cache && req.method === "GET") return await withResponseCache(db, req, principal, run);
      const result = await run();
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (err) {
      return errorResponse(err, req);
    }
  };
}

async function readJson(req: NextRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new HttpError(400, "The request body must be JSON.");
  }
}

export function errorResponse(err: unknown, req?: NextRequest): Response {
  if (err instanceof HttpError) return NextResponse.json({ error: err.message, details: err.details }, { status: err.status });
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return NextResponse.json({ error: "Invalid input.", fields }, { status: 400 });
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2025") return NextResponse.json({ error: "Not found." }, { status: 404 });
    if (err.code === "P2002") return NextResponse.json({ error: "That already exists." }, { status: 409 });
  }
  logger.error({ err, path: req?.nextUrl.pathname }, "unhandled error in route");
  return NextResponse.json({ error: "Something went wrong. It has been logged." }, { status: 500 });
}
