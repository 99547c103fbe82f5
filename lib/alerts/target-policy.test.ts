import { describe, expect, it } from "vitest";
import {
  classifyAddress,
  parseAllowList,
  resolveTarget,
  TargetRefusedError,
  type Resolver,
} from "./target-policy";

/** A DNS stand-in: names map to fixed answers, and every query is counted. */
function fakeDns(answers: Record<string, string[]>): Resolver & { queries: string[] } {
  const queries: string[] = [];
  const resolve = (host: string) => {
    queries.push(host);
    const list = answers[host.toLowerCase().replace(/\.$/, "")];
    if (!list)
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }),
      );
    return Promise.resolve(
      list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  };
  return Object.assign(resolve, { queries });
}

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link-local"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:a00:1", "private"],
    ["::7f00:1", "reserved (not global unicast)"],
    ["64:ff9b::a9fe:a9fe", "reserved (rfc6052)"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toBe("public");
  });
});

describe("resolveTarget", () => {
  const dns = fakeDns({
    "hooks.example.com": ["203.0.114.10", "2606:4700::6810:1"],
    "metadata.attacker.example": ["169.254.169.254"],
    "mixed.attacker.example": ["8.8.8.8", "10.0.0.5"],
    "smtp.corp.internal": ["10.20.0.25"],
    localhost: ["127.0.0.1", "::1"],
  });

  it("returns the checked address of a name that resolves to public addresses", async () => {
    await expect(resolveTarget("hooks.example.com", [], dns)).resolves.toEqual({
      address: "203.0.114.10",
      family: 4,
    });
  });

  it("accepts a public IP literal without asking DNS", async () => {
    const before = dns.queries.length;
    await expect(resolveTarget("8.8.8.8", [], dns)).resolves.toEqual({
      address: "8.8.8.8",
      family: 4,
    });
    await expect(resolveTarget("[2606:4700::1111]", [], dns)).resolves.toEqual({
      address: "2606:4700::1111",
      family: 6,
    });
    expect(dns.queries.length).toBe(before);
  });

  it.each([
    ["127.0.0.1", /127\.0\.0\.1 is a loopback address/],
    ["169.254.169.254", /link-local/],
    ["[::1]", /loopback/],
    ["[fe80::1]", /link-local/],
    ["[fd00::1]", /unique-local/],
    ["[::ffff:127.0.0.1]", /loopback/],
    ["0.0.0.0", /unspecified/],
    ["localhost", /localhost resolves to a loopback address/],
    ["metadata.attacker.example", /resolves to a link-local address/],
    ["mixed.attacker.example", /resolves to a private address/],
  ])("refuses %s", async (host, message) => {
    const refused = resolveTarget(host, [], dns);
    await expect(refused).rejects.toThrow(TargetRefusedError);
    await expect(resolveTarget(host, [], dns)).rejects.toThrow(message);
  });

  it("lets the operator's allow-list name private targets by IP, CIDR or host name, and nothing more", async () => {
    const allow = parseAllowList("127.0.0.1, 10.20.0.0/16, smtp.corp.internal, fd00::/8");
    await expect(resolveTarget("127.0.0.1", allow, dns)).resolves.toMatchObject({
      address: "127.0.0.1",
    });
    await expect(resolveTarget("[::ffff:127.0.0.1]", allow, dns)).resolves.toMatchObject({
      address: "::ffff:127.0.0.1",
    });
    await expect(resolveTarget("10.20.3.4", allow, dns)).resolves.toMatchObject({
      address: "10.20.3.4",
    });
    await expect(resolveTarget("SMTP.corp.internal.", allow, dns)).resolves.toMatchObject({
      address: "10.20.0.25",
    });
    await expect(resolveTarget("[fd00::25]", allow, dns)).resolves.toMatchObject({
      address: "fd00::25",
    });
    await expect(resolveTarget("127.0.0.2", allow, dns)).rejects.toThrow(/loopback/);
    await expect(resolveTarget("10.21.0.1", allow, dns)).rejects.toThrow(/private/);
    await expect(resolveTarget("169.254.169.254", allow, dns)).rejects.toThrow(/link-local/);
    // localhost also answers ::1, which the list does not name.
    await expect(resolveTarget("localhost", allow, dns)).rejects.toThrow(/loopback/);
  });

  it("refuses a malformed allow-list entry with the variable's name", () => {
    expect(() => parseAllowList("10.0.0.0/33")).toThrow(
      /ORGLENS_ALLOWED_PRIVATE_TARGETS: "10.0.0.0\/33"/,
    );
    expect(() => parseAllowList("http://x")).toThrow(/not a host name/);
  });
});
