// Loads Prisma's schema engine compiled to Wasm, so migrations need no native binary download.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationAdapters, type AdapterOptions } from "./adapter";
import { engineError, installPanicRegistry } from "./errors";

export type { SchemaEngine };

/**
 * The engine arms 10 s and 60 s timeouts around its work and never clears them (the glue imports no
 * clearTimeout), which kept processes alive for up to a minute after the last command. They are unref'd:
 * while a command runs, its open database connections keep the process alive anyway.
 */
function unrefSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  return setTimeout(callback, ms >>> 0).unref();
}

let loading: Promise<void> | undefined;

/**
 * The package's entry imports the `.wasm` file as an ES module, which Node cannot do, so the module is
 * instantiated here against its JS glue, the way wasm-bindgen's bundler output expects. Once per process:
 * the glue keeps the instance (and views of its memory) in module state.
 */
function loadWasm(): Promise<void> {
  loading ??= (async () => {
    installPanicRegistry();
    const glue = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const imports: Record<string, WebAssembly.ImportValue> = { ...bindings };
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) imports[name] = unrefSetTimeout;
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    if (typeof exports.__wbindgen_start !== "function")
      throw new Error("schema_engine_bg.wasm exports no __wbindgen_start");
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return loading;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface EngineOptions extends AdapterOptions {
  /** Target datamodel; only needed by commands that read the schema from the engine's state. */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's own tracing output (JSON lines). */
  engineLog?: (line: string) => void;
}

export interface Engine {
  /** Calls one engine command, turning its failure into a readable Error. */
  run<T>(command: string, call: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  /** Frees the engine and closes every connection it opened (dropping throw-away shadow databases). */
  close(): Promise<void>;
}

export async function openEngine(
  databaseUrl: string,
  options: EngineOptions = {},
): Promise<Engine> {
  await loadWasm();
  const adapters = migrationAdapters(databaseUrl, options);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters.factory);
  const datamodels = options.schemaFiles?.map((file): [string, string] => [
    file.path,
    file.content,
  ]);
  const engineLog = options.engineLog ?? (() => {});
  const engine = await bindings.SchemaEngine.new(
    { datamodels },
    (line: unknown) => engineLog(String(line)),
    factory,
  ).catch(async (error: unknown) => {
    await adapters.close();
    throw engineError("start", error, factory.errorRegistry);
  });
  return {
    run: async (command, call) => {
      try {
        return await call(engine);
      } catch (error) {
        throw engineError(command, error, factory.errorRegistry);
      }
    },
    close: async () => {
      engine.free();
      await adapters.close();
    },
  };
}

/** Runs `fn` with a fresh engine and frees it afterwards, whatever happens. */
export async function withEngine<T>(
  databaseUrl: string,
  options: EngineOptions,
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await openEngine(databaseUrl, options);
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}
