// Where alert deliveries may connect. Only public unicast addresses, unless the operator's allow-list
// (ORGLENS_ALLOWED_PRIVATE_TARGETS: host names, IPs or CIDRs) names the target. Host names are checked
// after DNS resolution, and the caller connects to the address returned here, so a second lookup
// (DNS rebinding) never decides where the request goes.
import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export const ALLOW_LIST_VAR = "ORGLENS_ALLOWED_PRIVATE_TARGETS";

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
export type TAllowEntry = { kind: "host"; host: string } | { kind: "range"; range: [Ip, number] };

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export class TargetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefusedError";
  }
}

/** IPv6 outside 2000::/3 is not globally routable (IPv4-compatible ::/96 included). */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

const RANGE_LABEL: Record<string, string> = {
  loopback: "loopback",
  linkLocal: "link-local",
  private: "private",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
};

/** "public", or the kind of non-public range an address falls in (IPv4-mapped IPv6 is unwrapped first). */
export function classifyAddress(address: string): string {
  const ip = ipaddr.process(stripBrackets(address));
  const range = ip.range();
  if (range !== "unicast") return RANGE_LABEL[range] ?? `reserved (${range})`;
  if (ip.kind() === "ipv6" && !ip.match(GLOBAL_UNICAST_V6)) return "reserved (not global unicast)";
  return "public";
}

/** Parses the allow-list; an entry that is neither a host name, an IP nor a CIDR is an error. */
export function parseAllowList(text: string | undefined): TAllowEntry[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry): TAllowEntry => {
      const bare = stripBrackets(entry);
      if (ipaddr.isValidCIDR(bare)) return { kind: "range", range: ipaddr.parseCIDR(bare) };
      if (ipaddr.isValid(bare)) {
        const ip = ipaddr.process(bare);
        return { kind: "range", range: [ip, ip.kind() === "ipv4" ? 32 : 128] };
      }
      if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry))
        return { kind: "host", host: normalizeHost(entry) };
      throw new TargetRefusedError(
        `${ALLOW_LIST_VAR}: "${entry}" is not a host name, an IP address or a CIDR range`,
      );
    });
}

export function allowListFromEnv(
  env: Record<string, string | undefined> = process.env,
): TAllowEntry[] {
  return parseAllowList(env[ALLOW_LIST_VAR]);
}

function isAllowListed(hostname: string, ip: Ip, allow: readonly TAllowEntry[]): boolean {
  const host = normalizeHost(hostname);
  return allow.some((e) =>
    e.kind === "host" ? e.host === host : e.range[0].kind() === ip.kind() && ip.match(e.range),
  );
}

/**
 * Resolves a destination host and returns the one address to connect to. Every address the name
 * resolves to must be allowed: a name that mixes public and internal answers is refused.
 */
export async function resolveTarget(
  hostname: string,
  allow: readonly TAllowEntry[],
  resolve: Resolver = systemResolver,
): Promise<ResolvedAddress> {
  const bare = stripBrackets(hostname);
  const literal = ipaddr.isValid(bare);
  const addresses = literal
    ? [{ address: bare, family: ipaddr.parse(bare).kind() === "ipv4" ? 4 : 6 }]
    : await resolve(bare);
  const first = addresses[0];
  if (!first) throw new TargetRefusedError(`${hostname} does not resolve to any address`);
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === "public" || isAllowListed(bare, ipaddr.process(address), allow)) continue;
    const what = literal
      ? `${hostname} is a ${kind} address`
      : `${hostname} resolves to a ${kind} address`;
    throw new TargetRefusedError(
      `Refused: ${what}. An operator can allow it with ${ALLOW_LIST_VAR}.`,
    );
  }
  return first;
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, "");
}
