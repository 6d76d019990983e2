import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False in the server HTML and during hydration, true once React handles events. Controls that
 * are disabled until then cannot lose typed text or submit a form natively (putting a password in
 * the URL) before the page is interactive.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
