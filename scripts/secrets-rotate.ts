// `npm run secrets:rotate`: re-encrypts every stored alert channel secret under the current key, in
// one transaction, and seals secrets still stored in plaintext (rows from before encryption).
//   New key: ORGLENS_ENCRYPTION_KEY, or derived from NEXTAUTH_SECRET when unset.
//   Old key: ORGLENS_PREVIOUS_ENCRYPTION_KEY, or ORGLENS_PREVIOUS_NEXTAUTH_SECRET when the old key was
//            derived from the auth secret. Not needed to seal plaintext rows.
// Exit codes: 0 done, 1 a secret no configured key opens (nothing changed), 2 bad key configuration.
import { rotateChannelSecrets } from "../lib/alerts/rotate-channel-secrets";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { EncryptionKeyError, keyringFromEnv, type Keyring } from "../lib/secrets/encryption-key";
import { SecretUnreadableError } from "../lib/secrets/secret-box";

const log = (line: string) => console.error(`[orglens] ${line}`);

function keyring(): Keyring | null {
  try {
    return keyringFromEnv(process.env);
  } catch (err) {
    if (!(err instanceof EncryptionKeyError)) throw err;
    log(err.message);
    return null;
  }
}

async function main(): Promise<number> {
  const keys = keyring();
  if (!keys) return 2;
  const database = await resolveDatabase(log);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    const old = keys.readable.slice(1).map((k) => k.id);
    log(
      `Re-encrypting alert channel secrets under key ${keys.current.id}${old.length ? ` (reading key ${old.join(", ")} too)` : ""}…`,
    );
    const s = await rotateChannelSecrets(db, keys);
    log(
      `Done: ${s.secrets} secret(s) in ${s.channels} channel(s) now under key ${s.keyId} (${s.wasPlaintext} were plaintext).`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof SecretUnreadableError)) throw err;
    log(`Nothing changed: ${err.message}.`);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
