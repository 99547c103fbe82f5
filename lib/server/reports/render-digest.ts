// One digest in every channel format: the HTML email (with its inline chart), Slack, Teams and the
// signed webhook's JSON. The report's recipients replace an email channel's own.
import "server-only";
import type { TDigest } from "@/lib/domain/reports/digest";
import type { OutboundMessage } from "@/lib/alerts/send-alert";
import { digestSlackBody, digestTeamsBody } from "@/lib/reports/digest-chat";
import { renderDigestEmail } from "@/lib/reports/digest-email";

export function digestMessage(
  report: { id: string; name: string; recipients: readonly string[] },
  digest: TDigest,
): OutboundMessage {
  const email = renderDigestEmail(digest);
  return {
    slack: digestSlackBody(digest),
    teams: digestTeamsBody(digest),
    webhook: { event: "report.digest", report: { id: report.id, name: report.name }, digest },
    email: {
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments: email.attachments,
      to: report.recipients.length ? [...report.recipients] : undefined,
    },
  };
}
