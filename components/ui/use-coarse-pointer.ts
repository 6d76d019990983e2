import { useSyncExternalStore } from "react";

const QUERY = "(pointer: coarse)";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/**
 * True when the main pointer is a finger (phones, tablets): there Enter adds a line, since the
 * on-screen keyboard has no Shift+Enter to reach for, and keyboard hints are left out. The
 * server renders the desktop case; a phone switches on hydration.
 */
export function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
