// Writes a web ReadableStream (what the CSV helpers return for HTTP responses) to a Node stream such as
// a CLI's stdout, honouring backpressure. A reader that goes away (`| head`) ends the copy quietly
// (the result is then false).
import { once } from "node:events";

export async function writeWebStream(
  stream: ReadableStream<Uint8Array>,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  const reader = stream.getReader();
  let gone = false;
  // Kept for the stream's lifetime: EPIPE can surface after the last write returned.
  out.on("error", () => {
    gone = true;
  });
  try {
    while (!gone) {
      const { done, value } = await reader.read();
      if (done) break;
      // once() rejects when the stream errors while we wait: that is the reader going away too.
      if (!out.write(value))
        await Promise.race([once(out, "drain"), once(out, "close")]).catch(() => (gone = true));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return !gone;
}
