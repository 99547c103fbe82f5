// POST /api/v1/requests/:id/decision – approve or reject an account request, with a comment
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZDecisionBody } from "@/lib/domain/requests/api-schema";
import { decideAccountRequest } from "@/lib/server/requests/decide-account-request";

export const POST = route({ permission: "requests:decide", body: ZDecisionBody }, ({ principal, body, params }) => decideAccountRequest(db, principal, z.uuid().parse(params.id), body));
