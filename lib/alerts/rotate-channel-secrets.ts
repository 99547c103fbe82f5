// `npm run secrets:rotate`: re-seals every alert channel secret under the current key, in one
// transaction. Values under the previous key, or still in plaintext from before encryption, are
// opened first; one that no configured key opens stops the rotation with nothing changed.
import type { Db } from "@/lib/db/client";
import type { Keyring } from "@/lib/secrets/encryption-key";
import { isSealed } from "@/lib/secrets/secret-box";
import { z } from "zod";
import { SECRET_KEYS, isChannelType } from "./channel-config";
import { openChannelConfig, sealChannelConfig } from "./channel-secrets";

export interface RotationSummary {
  keyId: string;
  channels: number;
  /** Secrets re-sealed, of which were plaintext before. */
  secrets: number;
  wasPlaintext: number;
}

const ZStoredConfig = z.record(z.string(), z.json());

export async function rotateChannelSecrets(db: Db, keyring: Keyring): Promise<RotationSummary> {
  return db.$transaction(
    async (tx) => {
      // Locked so a channel saved meanwhile is neither lost nor left under the old key.
      await tx.$queryRaw`SELECT id FROM alert_channel FOR UPDATE`;
      const channels = await tx.alertChannel.findMany({
        select: { id: true, type: true, config: true },
        orderBy: { createdAt: "asc" },
      });
      const summary: RotationSummary = {
        keyId: keyring.current.id,
        channels: 0,
        secrets: 0,
        wasPlaintext: 0,
      };
      for (const channel of channels) {
        if (!isChannelType(channel.type)) continue;
        const stored = z.record(z.string(), z.unknown()).catch({}).parse(channel.config);
        const fields = SECRET_KEYS[channel.type].filter(
          (f) => stored[f] !== undefined && stored[f] !== null && stored[f] !== "",
        );
        if (!fields.length) continue;
        const plain = openChannelConfig(channel, keyring.readable);
        const config = ZStoredConfig.parse(
          sealChannelConfig({ ...channel, config: plain }, keyring.current),
        );
        await tx.alertChannel.update({ where: { id: channel.id }, data: { config } });
        summary.channels++;
        summary.secrets += fields.length;
        summary.wasPlaintext += fields.filter((f) => !isSealed(stored[f])).length;
      }
      return summary;
    },
    { timeout: 120_000 },
  );
}
