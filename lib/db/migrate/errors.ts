// Turns the schema engine's failures into Errors a person can act on.
import type { ErrorRegistry } from "@prisma/driver-adapter-utils";

declare global {
  // wasm-bindgen glue reports a Rust panic's message here just before the instance traps.
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let lastPanic: string | undefined;

export function installPanicRegistry(): void {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      lastPanic = message;
    },
  };
}

/** The last Rust panic: panics trap inside promise callbacks and surface as an uncaught RuntimeError. */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}

interface EngineErrorShape {
  message: string;
  code?: unknown;
}

function hasMessage(error: unknown): error is EngineErrorShape {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/**
 * Connector errors end with a span trace ("   0: module::function / with migration_name=… / at file:line")
 * that only matters to Prisma's developers; the failing migration's name is the one useful part of it.
 */
function withoutSpanTrace(message: string): { text: string; migration?: string } {
  const lines = message.split("\n");
  const start = lines.findIndex((line) => /^\s+\d+: \S+::\S+/.test(line));
  if (start < 0) return { text: message.trim() };
  const migration = /migration_name="([^"]+)"/.exec(lines.slice(start).join("\n"))?.[1];
  return { text: lines.slice(0, start).join("\n").trim(), migration };
}

/**
 * A JS error thrown inside the driver adapter reaches the engine only as "External error id#N"; the
 * error itself waits in the adapter's registry.
 */
function withExternalErrors(text: string, registry: ErrorRegistry | undefined): string {
  return text.replace(/External error id#(\d+)/g, (placeholder, id: string) => {
    const record = registry?.consumeError(Number(id));
    if (!record) return placeholder;
    return record.error instanceof Error ? record.error.message : String(record.error);
  });
}

/** Engine errors arrive as plain objects or Errors, user-facing ones with a Prisma error code (P3009, …). */
export function engineError(command: string, error: unknown, registry?: ErrorRegistry): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    const message = `Schema engine ${command} panicked: ${lastPanic ?? error.message}`;
    return new Error(message, { cause: error });
  }
  if (!hasMessage(error)) {
    return new Error(`Schema engine ${command} failed: ${String(error)}`, { cause: error });
  }
  const code = typeof error.code === "string" ? `${error.code}: ` : "";
  const { text, migration } = withoutSpanTrace(error.message);
  const what = migration ? `Migration ${migration} failed` : `Schema engine ${command} failed`;
  return new Error(`${what}: ${code}${withExternalErrors(text, registry)}`, { cause: error });
}
