// Server-sent events written straight into the response body: one JSON.stringify, one encode
// and one enqueue per event. The AI SDK's UI stream helpers pass each chunk through three
// stream stages (writer → JSON-to-SSE → text encoder); at ~35 chunks a reply and many replies
// at once, those stages were a measurable share of a turn's CPU.

const encoder = new TextEncoder();

export interface SseChannel {
  /** The response body. */
  readonly stream: ReadableStream<Uint8Array>;
  /** Sends one event: a string as is (`[DONE]`), anything else as JSON. Dropped once the client left. */
  send(data: unknown): void;
  /** Ends the body; later sends are dropped. */
  close(): void;
}

/** `onCancel` runs when the client goes away before `close`. */
export function sseChannel(options: { onCancel?: () => void } = {}): SseChannel {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      open = false;
      options.onCancel?.();
    },
  });
  return {
    stream,
    send(data) {
      if (!open) return;
      try {
        controller.enqueue(encoder.encode(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`));
      } catch {
        open = false;
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        controller.close();
      } catch {
        /* already closed by a cancel */
      }
    },
  };
}

/**
 * Headers of an event stream. `no-transform` keeps Next's compression off (gzip holds chunks
 * back) and `X-Accel-Buffering: no` asks nginx-style proxies not to buffer.
 */
export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
} as const;
