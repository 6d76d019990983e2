import { describe, expect, it } from "vitest";
import { getShortcut, isApplePlatform, matchShortcut, SHORTCUTS, shortcutKeys } from "./shortcuts";

const press = (key: string, modifiers: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
});

describe("matchShortcut", () => {
  it("reads Ctrl and Cmd alike, and the shifted letter as the letter", () => {
    expect(matchShortcut(press("O", { ctrl: true, shift: true }))?.id).toBe("newChat");
    expect(matchShortcut(press("O", { meta: true, shift: true }))?.id).toBe("newChat");
    expect(matchShortcut(press("C", { ctrl: true, shift: true }))?.id).toBe("copyLastReply");
    expect(matchShortcut(press("S", { meta: true, shift: true }))?.id).toBe("toggleSidebar");
    expect(matchShortcut(press("k", { ctrl: true }))?.id).toBe("search");
    expect(matchShortcut(press("/", { ctrl: true }))?.id).toBe("showHelp");
    expect(matchShortcut(press("Escape", { shift: true }))?.id).toBe("focusComposer");
  });

  it("leaves ordinary typing, copy, paste and plain Esc alone", () => {
    expect(matchShortcut(press("o"))).toBeUndefined();
    expect(matchShortcut(press("O", { shift: true }))).toBeUndefined();
    expect(matchShortcut(press("c", { ctrl: true }))).toBeUndefined();
    expect(matchShortcut(press("v", { meta: true }))).toBeUndefined();
    expect(matchShortcut(press("Escape"))).toBeUndefined();
    expect(matchShortcut(press("Enter", { shift: true }))).toBeUndefined();
  });

  it("ignores anything with Alt, which types characters on many layouts", () => {
    expect(matchShortcut(press("o", { ctrl: true, shift: true, alt: true }))).toBeUndefined();
  });

  it("has one shortcut per key combination", () => {
    const combos = SHORTCUTS.map((shortcut) => `${shortcut.mod}-${shortcut.shift}-${shortcut.key}`);
    expect(new Set(combos).size).toBe(combos.length);
  });
});

describe("shortcutKeys", () => {
  it("names the keys as the keyboard labels them", () => {
    expect(shortcutKeys(getShortcut("newChat"), false)).toEqual(["Ctrl", "Shift", "O"]);
    expect(shortcutKeys(getShortcut("newChat"), true)).toEqual(["⌘", "Shift", "O"]);
    expect(shortcutKeys(getShortcut("focusComposer"), false)).toEqual(["Shift", "Esc"]);
    expect(shortcutKeys(getShortcut("showHelp"), false)).toEqual(["Ctrl", "/"]);
  });

  it("tells Apple platforms apart", () => {
    expect(isApplePlatform("MacIntel")).toBe(true);
    expect(isApplePlatform("iPhone")).toBe(true);
    expect(isApplePlatform("Win32")).toBe(false);
    expect(isApplePlatform("Linux x86_64")).toBe(false);
  });
});
