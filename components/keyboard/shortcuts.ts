// The one table of keyboard shortcuts: the global listener, the help dialog and the hints on
// buttons all read it, so a shortcut is changed in one place. Every shortcut also works while
// typing in a text box: each has a modifier, so none can be typed by accident.

export type ShortcutId = "newChat" | "focusComposer" | "copyLastReply" | "toggleSidebar" | "search" | "showHelp";

export interface Shortcut {
  id: ShortcutId;
  description: string;
  /** Ctrl on Windows and Linux, Cmd on a Mac (either is accepted everywhere). */
  mod: boolean;
  shift: boolean;
  /** `KeyboardEvent.key`, lower case for letters. */
  key: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "newChat", description: "New chat", mod: true, shift: true, key: "o" },
  { id: "focusComposer", description: "Focus the message box", mod: false, shift: true, key: "escape" },
  { id: "copyLastReply", description: "Copy the last reply", mod: true, shift: true, key: "c" },
  { id: "toggleSidebar", description: "Show or hide the sidebar", mod: true, shift: true, key: "s" },
  { id: "search", description: "Search conversations", mod: true, shift: false, key: "k" },
  { id: "showHelp", description: "Keyboard shortcuts", mod: true, shift: false, key: "/" },
];

type KeyEventLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** The shortcut a key press means, if any. Alt never takes part (AltGr types characters on many layouts). */
export function matchShortcut(event: KeyEventLike): Shortcut | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  return SHORTCUTS.find((shortcut) => shortcut.mod === mod && shortcut.shift === event.shiftKey && shortcut.key === key);
}

export function getShortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((shortcut) => shortcut.id === id)!;
}

const keyNames: Record<string, string> = { escape: "Esc", "/": "/" };

/** The keys as a person presses them, e.g. ["Ctrl", "Shift", "O"] or ["⌘", "Shift", "O"]. */
export function shortcutKeys(shortcut: Shortcut, mac: boolean): string[] {
  return [
    ...(shortcut.mod ? [mac ? "⌘" : "Ctrl"] : []),
    ...(shortcut.shift ? ["Shift"] : []),
    keyNames[shortcut.key] ?? shortcut.key.toUpperCase(),
  ];
}

/** Apple keyboards label the modifier Cmd; everything else Ctrl. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}
