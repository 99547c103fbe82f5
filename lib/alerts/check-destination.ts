// The destination of a channel, checked when it is saved: the same policy as at send time, so an
// admin learns at once that a URL or SMTP host is internal. A name that does not resolve yet is let
// through here (it may exist only where the app runs); the send re-resolves and checks it anyway.
import type { TChannelInput } from "./channel-config";
import {
  resolveTarget,
  TargetRefusedError,
  type Resolver,
  type TAllowEntry,
} from "./target-policy";

export interface DestinationProblem {
  field: string;
  message: string;
}

export function destinationOf(ch: TChannelInput): { field: string; host: string } {
  if (ch.type === "email") return { field: "config.host", host: ch.config.host };
  return { field: "config.url", host: new URL(ch.config.url).hostname };
}

export async function checkDestination(
  ch: TChannelInput,
  allow: readonly TAllowEntry[],
  resolve?: Resolver,
): Promise<DestinationProblem | null> {
  const { field, host } = destinationOf(ch);
  try {
    await resolveTarget(host, allow, resolve);
    return null;
  } catch (err) {
    if (err instanceof TargetRefusedError) return { field, message: err.message };
    return null;
  }
}
