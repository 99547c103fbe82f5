// The one route guard: refuse cross-site writes, resolve the caller, check the permission table,
// read a capped JSON body, parse input with zod, and send every error through one handler
// (400/401/403/404/409/413/429, or a logged generic 500).
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { dataVersion, withResponseCache } from "@/lib/server/response-cache";
import type { Principal } from "@/lib/domain/access";
import { createRateLimiter } from "./rate-limit";
import { DEFAULT_JSON_BODY_LIMIT, readJsonBody } from "./request-body";
import { can, type TPermission } from "@/lib/auth/roles";
import { checkSameOriginJson } from "./same-origin";
import { getCaller } from "./caller";
import { SERVER_TIMING_HEADER, startServerTiming, type ServerTiming } from "./server-timing";

type RawParams = Record<string, string | string[] | undefined>;

export interface RouteContext<P, Q, B> {
  req: NextRequest;
  principal: Principal;
  /** The app's database: handlers pass it on to one lib/server function, which scopes every query. */
  db: Db;
  /** Its connection string, for the work that opens connections of its own (a collection run's lock). */
  databaseUrl: string;
  params: P;
  query: Q;
  body: B;
  /** The request's Server-Timing: handlers may add spans of their own (sql, rows, ...). */
  timing: ServerTiming;
}

export interface RouteSpec<
  PS extends z.ZodType | undefined,
  QS extends z.ZodType | undefined,
  BS extends z.ZodType | undefined,
> {
  permission: TPermission;
  /** The path's dynamic segments (`{ id: z.uuid() }`): a malformed one names nothing, so it is a 404. */
  params?: PS;
  /** The 404 message when `params` does not parse (default "Not found."). */
  notFound?: string;
  query?: QS;
  body?: BS;
  /** Cap on the JSON body in bytes (default DEFAULT_JSON_BODY_LIMIT): larger bodies get a 413. */
  maxBodyBytes?: number;
  /**
   * GET answers that depend only on the data, role, scope and URL: cached per data version
   * (lib/server/response-cache). `perCaller` names the queries whose answer also depends on who asks
   * (e.g. "mine"): those are cached per caller, never shared within a role and scope.
   */
  cache?: boolean | { perCaller: (query: Infer<QS>) => boolean };
  /** Downloads that hold a database connection while they stream: rate-limited per user or token. */
  rateLimit?: "export";
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Exports per caller per minute and process: plenty for people, a wall for a loop. */
const EXPORTS_PER_MINUTE = 10;
declare global {
  var orglensExportLimiter: ReturnType<typeof createRateLimiter> | undefined;
}
const exportLimiter = (globalThis.orglensExportLimiter ??= createRateLimiter({
  limit: EXPORTS_PER_MINUTE,
  windowMs: 60_000,
}));

/** The deployment's own origin: NEXTAUTH_URL when set (behind a proxy the request's Host may differ). */
function appOrigin(req: NextRequest): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : req.nextUrl.origin;
}

const hasBearer = (req: NextRequest) =>
  req.headers.get("authorization")?.toLowerCase().startsWith("bearer ") ?? false;

export function route<
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<PS, QS, BS>,
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>>) => Promise<Response | object>,
) {
  return async (req: NextRequest, ctx: { params: Promise<RawParams> }): Promise<Response> => {
    const timing = startServerTiming();
    return withTiming(await answer(req, ctx, timing), timing);
  };

  async function answer(
    req: NextRequest,
    ctx: { params: Promise<RawParams> },
    timing: ServerTiming,
  ): Promise<Response> {
    try {
      // Before anything is read: a session cookie rides along on cross-site requests, a bearer token
      // does not (and tokens are read-only anyway).
      if (!SAFE_METHODS.has(req.method) && !hasBearer(req)) {
        const refusal = checkSameOriginJson(req.headers, appOrigin(req));
        if (refusal) throw new AppError("CROSS_SITE_REQUEST", refusal);
      }
      // The data version, read at most once and only for a caller with a session or token: the
      // caller's role bindings and the response cache are both keyed by it.
      let versionRead: Promise<string | null> | undefined;
      const readVersion = () => (versionRead ??= timing.span("version", () => dataVersion(db)));
      const caller = await getCaller(req, { timing, readVersion });
      if (caller.status === "anonymous")
        throw new AppError("SIGN_IN_REQUIRED", "Sign in to continue.");
      if (caller.status === "no-role")
        throw new AppError(
          "NO_ROLE",
          "Your account has no OrgLens role. Ask an admin to map one of your groups to a role.",
        );
      const { principal } = caller;
      if (!can(principal.role, spec.permission))
        throw new AppError("FORBIDDEN", "You do not have permission to do this.");
      if (principal.kind === "token" && req.method !== "GET")
        throw new AppError("TOKEN_READ_ONLY", "API tokens are read-only.");
      if (spec.rateLimit) {
        const decision = exportLimiter.take(
          principal.kind === "token"
            ? `token:${principal.tokenId ?? principal.email}`
            : `user:${principal.email}`,
        );
        if (!decision.ok) return tooManyExports(decision.retryAfterSeconds);
      }

      // The resource first: an id that cannot name anything is "not found" whatever the input says.
      const params = spec.params
        ? parseParams(spec.params, await ctx.params, spec.notFound)
        : undefined;
      const query = spec.query
        ? spec.query.parse(Object.fromEntries(req.nextUrl.searchParams))
        : undefined;
      const body = spec.body
        ? spec.body.parse(await readJsonBody(req, spec.maxBodyBytes ?? DEFAULT_JSON_BODY_LIMIT))
        : undefined;
      const run = () =>
        handler({
          req,
          principal,
          db,
          databaseUrl: env.DATABASE_URL,
          params: params as Infer<PS>,
          query: query as Infer<QS>,
          body: body as Infer<BS>,
          timing,
        });
      if (spec.cache && req.method === "GET")
        return await withResponseCache(db, req, principal, run, {
          perCaller: typeof spec.cache === "object" && spec.cache.perCaller(query as Infer<QS>),
          version: await readVersion(),
          timing,
        });
      const result = await timing.span("handler", run);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (err) {
      return errorResponse(err, req);
    }
  }
}

/** Adds the request's Server-Timing (a streamed download's time covers only until its first byte). */
function withTiming(res: Response, timing: ServerTiming): Response {
  try {
    res.headers.set(SERVER_TIMING_HEADER, timing.header());
  } catch {
    // A Response whose headers are immutable (a redirect or a proxied fetch): sent as it is.
  }
  return res;
}

function parseParams<S extends z.ZodType>(
  schema: S,
  raw: RawParams,
  message = "Not found.",
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw notFound(message);
  return parsed.data;
}

function tooManyExports(retryAfterSeconds: number): Response {
  return NextResponse.json(
    {
      error: `Too many exports: at most ${EXPORTS_PER_MINUTE} a minute. Try again in ${retryAfterSeconds} s.`,
      code: "TOO_MANY_EXPORTS",
    },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}
export function errorResponse(err: unknown, req?: NextRequest): Response {
  if (err instanceof AppError)
    return NextResponse.json(
      { error: err.message, code: err.code, details: err.details },
      { status: err.status },
    );
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return NextResponse.json(
      { error: "Invalid input.", code: "INVALID_INPUT", fields },
      { status: 400 },
    );
  }
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2025")
      return NextResponse.json({ error: "Not found.", code: "NOT_FOUND" }, { status: 404 });
    if (err.code === "P2002")
      return NextResponse.json(
        { error: "That already exists.", code: "CONFLICT" },
        { status: 409 },
      );
  }
  logger.error({ err, path: req?.nextUrl.pathname }, "unhandled error in route");
  return NextResponse.json(
    { error: "Something went wrong. It has been logged.", code: "INTERNAL" },
    { status: 500 },
  );
}
