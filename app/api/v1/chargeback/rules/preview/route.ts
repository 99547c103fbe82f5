// POST /api/v1/chargeback/rules/preview – what a draft rule would do to a month, without saving it
import { route } from "@/lib/server/http/route";
import { ZRulePreviewRequest } from "@/lib/api/chargeback";
import { previewAllocationRule } from "@/lib/server/chargeback/preview-allocation-rule";

export const dynamic = "force-dynamic";

export const POST = route(
  { permission: "export", body: ZRulePreviewRequest },
  ({ db, principal, body }) => previewAllocationRule(db, principal, body),
);
