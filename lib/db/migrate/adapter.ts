// Driver adapters the Wasm schema engine talks to Postgres through: @prisma/adapter-pg with the
// fixes the engine needs (see the comments below) and a real shadow database.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { prepareShadowDatabase, type ShadowDatabaseOptions } from "./shadow";

export type AdapterOptions = ShadowDatabaseOptions;

const CHAR_OID = 18;
const TEXT_OID = 25;
// Postgres identifiers cannot contain NUL, so no real column name starts with this.
const CHAR_MARK = "\u0000char\u0000";

interface RowDescription {
  fields: { name: string; dataTypeID: number }[];
}

/**
 * The engine reads Postgres' internal one-byte `"char"` columns from the catalogs (pg_constraint.contype,
 * confdeltype, …) and insists on getting them as Character values, but adapter-pg rejects that type
 * outright (UnsupportedNativeDataType 18). Such columns are therefore announced to adapter-pg as `text`
 * (their text form is the character itself) with a marked name, and `restoreChars` turns the marked
 * columns back into Character ones. The listener is registered in the constructor, so it runs ahead of
 * the client's own `rowDescription` handler, which is attached on connect and builds the result.
 */
class CharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.connection.on("rowDescription", (message: RowDescription) => {
      for (const field of message.fields) {
        if (field.dataTypeID !== CHAR_OID) continue;
        field.dataTypeID = TEXT_OID;
        field.name = CHAR_MARK + field.name;
      }
    });
  }
}

function restoreChars(result: SqlResultSet): SqlResultSet {
  if (!result.columnNames.some((name) => name.startsWith(CHAR_MARK))) return result;
  const columnTypes = [...result.columnTypes];
  const columnNames = result.columnNames.map((name, i) => {
    if (!name.startsWith(CHAR_MARK)) return name;
    columnTypes[i] = ColumnTypeEnum.Character;
    return name.slice(CHAR_MARK.length);
  });
  return { ...result, columnNames, columnTypes };
}

/**
 * One connection, kept until disposed of, like the native engine's: the engine takes a session-level
 * advisory lock (pg_advisory_lock) to serialise concurrent migrators, so its statements must run in
 * the session holding it. The engine issues its queries one at a time and, on Postgres, opens no
 * transaction of its own, so a single connection never waits on itself.
 */
async function connect(url: string): Promise<SqlDriverAdapter> {
  return new PrismaPg({
    connectionString: url,
    Client: CharAsTextClient,
    max: 1,
    idleTimeoutMillis: 0,
  }).connect();
}

function charAwareTransaction(tx: Transaction): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: async (query) => restoreChars(await tx.queryRaw(query)),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    createSavepoint: tx.createSavepoint?.bind(tx),
    rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
    releaseSavepoint: tx.releaseSavepoint?.bind(tx),
  };
}

/**
 * Besides restoring `"char"` columns: adapter-pg's executeScript splits the script on every `;`, which
 * cuts `$$` function bodies and string literals apart. A query without parameters goes over the
 * simple-query protocol instead, which runs a multi-statement script as one implicit transaction, as
 * Prisma's native engine does; going through executeRaw keeps the adapter's error mapping.
 * Disposal runs once, whether the engine or `close()` asks first.
 */
function engineAdapter(
  inner: SqlDriverAdapter,
  afterDispose?: () => Promise<void>,
): SqlDriverAdapter {
  let disposing: Promise<void> | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => restoreChars(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (isolationLevel) =>
      charAwareTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () =>
      (disposing ??= (async () => {
        try {
          await inner.dispose();
        } finally {
          await afterDispose?.();
        }
      })()),
  };
}

export interface MigrationAdapters {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes of every connection the engine left open (it does not always, e.g. after an error). */
  close: () => Promise<void>;
}

/**
 * adapter-pg's own connectToShadowDb spreads `{ database }` over a config holding a connection string,
 * which pg ignores, so the "shadow" connection lands on the main database. Shadow connections here go
 * to a real shadow database instead (see ./shadow).
 */
export function migrationAdapters(
  databaseUrl: string,
  options: AdapterOptions = {},
): MigrationAdapters {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    return adapter;
  };

  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    const shadow = await prepareShadowDatabase(databaseUrl, options);
    try {
      return track(engineAdapter(await connect(shadow.url), shadow.release));
    } catch (error) {
      await shadow.release?.();
      throw error;
    }
  };

  return {
    factory: {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: async () => track(engineAdapter(await connect(databaseUrl))),
      connectToShadowDb,
    },
    close: async () => {
      const results = await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      open.clear();
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
