"use client";

import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { cx } from "@/components/ui/cx";
import { CloseIcon } from "@/components/ui/icons";
import { getShortcut, isApplePlatform, matchShortcut, SHORTCUTS, shortcutKeys, type ShortcutId } from "./shortcuts";

type Handlers = Map<ShortcutId, RefObject<() => void>>;

interface ShortcutsContext {
  handlers: Handlers;
  openHelp: () => void;
}

const Context = createContext<ShortcutsContext | null>(null);

/**
 * Owns the one window key listener: a component that can act on a shortcut registers with
 * `useShortcut` while it is mounted, so a shortcut does nothing on a page where it means nothing.
 * The help dialog (Ctrl/Cmd+/) lives here.
 */
export function KeyboardShortcuts({ children }: { children: ReactNode }) {
  const helpRef = useRef<HTMLDialogElement>(null);
  const [context] = useState<ShortcutsContext>(() => ({
    handlers: new Map(),
    openHelp: () => {
      if (!helpRef.current?.open) helpRef.current?.showModal();
    },
  }));

  useEffect(() => {
    const toggleHelp = () => (helpRef.current?.open ? helpRef.current.close() : context.openHelp());
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = matchShortcut(event);
      if (!shortcut) return;
      const handler = shortcut.id === "showHelp" ? toggleHelp : context.handlers.get(shortcut.id)?.current;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [context]);

  return (
    <Context.Provider value={context}>
      {children}
      <ShortcutHelp dialogRef={helpRef} />
    </Context.Provider>
  );
}

/** Runs `handler` on the shortcut while the calling component is mounted (the latest handler each time). */
export function useShortcut(id: ShortcutId, handler: () => void) {
  const handlers = useContext(Context)?.handlers;
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!handlers) return;
    handlers.set(id, latest);
    return () => {
      if (handlers.get(id) === latest) handlers.delete(id);
    };
  }, [handlers, id]);
}

/** Opens the help dialog, for the button that offers it to mouse users. */
export function useOpenShortcutHelp(): () => void {
  return useContext(Context)?.openHelp ?? (() => undefined);
}

const subscribeToNothing = () => () => {};

function useApplePlatform(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => isApplePlatform(navigator.platform),
    () => false,
  );
}

/** The keys of one shortcut, for a button's hint; hidden where the pointer is a finger. */
export function ShortcutHint({ id, className }: { id: ShortcutId; className?: string }) {
  const keys = shortcutKeys(getShortcut(id), useApplePlatform());
  return (
    <kbd
      aria-hidden="true"
      className={cx(
        "rounded border border-zinc-300 px-1.5 font-sans text-[10px] font-medium text-zinc-600 pointer-coarse:hidden dark:border-zinc-600 dark:text-zinc-300",
        className,
      )}
    >
      {keys.join(" ")}
    </kbd>
  );
}

function ShortcutHelp({ dialogRef }: { dialogRef: RefObject<HTMLDialogElement | null> }) {
  const mac = useApplePlatform();
  return (
    <dialog
      ref={dialogRef}
      data-testid="shortcut-help"
      aria-labelledby="shortcut-help-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 id="shortcut-help-title" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button type="submit" aria-label="Close" className={buttonClass("ghost", "icon", "size-8")}>
            <CloseIcon />
          </button>
        </form>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id} data-testid="shortcut-row" className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <th scope="row" className="px-5 py-2.5 text-left font-normal">
                {shortcut.description}
              </th>
              <td className="px-5 py-2.5 text-right whitespace-nowrap">
                {shortcutKeys(shortcut, mac).map((key) => (
                  <kbd
                    key={key}
                    className="ml-1 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-xs dark:border-zinc-600 dark:bg-zinc-800"
                  >
                    {key}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
