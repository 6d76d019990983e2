// Generations running in this process, so a stop request can end one at once. Requests that
// land on another instance set Message.stopRequestedAt instead, which the generator polls.
const running = new Map<string, AbortController>();

export function registerGeneration(messageId: string, controller: AbortController): () => void {
  running.set(messageId, controller);
  return () => {
    if (running.get(messageId) === controller) running.delete(messageId);
  };
}

export function abortGeneration(messageId: string): boolean {
  const controller = running.get(messageId);
  controller?.abort(new DOMException("stopped by the user", "AbortError"));
  return Boolean(controller);
}
