import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  deriveKeyFromAuthSecret,
  keyOf,
  keyringFromEnv,
  parseEncryptionKey,
} from "./encryption-key";
import { isSealed, openSecret, sealSecret, SecretUnreadableError } from "./secret-box";

const raw = randomBytes(32);
const key = keyOf(raw);
const other = keyOf(randomBytes(32));

describe("sealed secrets", () => {
  it("round-trips under AES-256-GCM with a fresh IV, and the stored form holds no plaintext", () => {
    const a = sealSecret(key, "hunter2-password", "ch-1:password");
    const b = sealSecret(key, "hunter2-password", "ch-1:password");
    expect(isSealed(a)).toBe(true);
    expect(a.iv).not.toBe(b.iv);
    expect(JSON.stringify(a)).not.toContain("hunter2");
    expect(openSecret([key], a, "ch-1:password")).toBe("hunter2-password");
  });

  it.each([
    [
      "an unknown key id",
      () => openSecret([other], sealSecret(key, "x", "aad"), "aad"),
      /not configured/,
    ],
    [
      "another channel's AAD",
      () => openSecret([key], sealSecret(key, "x", "ch-1:secret"), "ch-2:secret"),
      /failed authentication/,
    ],
    [
      "an altered ciphertext",
      () =>
        openSecret(
          [key],
          { ...sealSecret(key, "abc", "aad"), data: Buffer.from("abd").toString("base64url") },
          "aad",
        ),
      /failed authentication/,
    ],
  ])("refuses %s", (_what, open, message) => {
    expect(open).toThrow(SecretUnreadableError);
    expect(open).toThrow(message);
  });

  it("does not take a legacy plaintext string for a sealed value", () => {
    expect(isSealed("plain-old-secret")).toBe(false);
    expect(isSealed({ v: 2, kid: "x", iv: "a", tag: "b", data: "c" })).toBe(false);
  });
});

describe("encryption keys", () => {
  it("reads 32 bytes as hex or base64 and refuses anything else", () => {
    expect(parseEncryptionKey(raw.toString("hex"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64url"))?.equals(raw)).toBe(true);
    expect(parseEncryptionKey(randomBytes(16).toString("base64"))).toBeNull();
    expect(parseEncryptionKey("correct horse battery staple")).toBeNull();
  });

  it("prefers ORGLENS_ENCRYPTION_KEY, else derives a stable key from NEXTAUTH_SECRET", () => {
    const secret = "n".repeat(40);
    expect(
      keyringFromEnv({ ORGLENS_ENCRYPTION_KEY: raw.toString("hex"), NEXTAUTH_SECRET: secret })
        .current.id,
    ).toBe(key.id);
    const derived = keyringFromEnv({ NEXTAUTH_SECRET: secret }).current;
    expect(derived.key.equals(deriveKeyFromAuthSecret(secret))).toBe(true);
    expect(derived.key.equals(Buffer.from(secret))).toBe(false);
    expect(keyringFromEnv({ NEXTAUTH_SECRET: secret }).current.id).toBe(derived.id);
  });

  it("keeps a previous key readable during a rotation, and explains a missing or malformed key", () => {
    const ring = keyringFromEnv({
      ORGLENS_ENCRYPTION_KEY: raw.toString("base64"),
      ORGLENS_PREVIOUS_NEXTAUTH_SECRET: "p".repeat(40),
    });
    expect(ring.readable.map((k) => k.id)).toEqual([
      key.id,
      keyOf(deriveKeyFromAuthSecret("p".repeat(40))).id,
    ]);
    expect(() => keyringFromEnv({})).toThrow(/set ORGLENS_ENCRYPTION_KEY/);
    expect(() => keyringFromEnv({ ORGLENS_ENCRYPTION_KEY: "short" })).toThrow(
      /64 hex digits or base64/,
    );
  });
});
