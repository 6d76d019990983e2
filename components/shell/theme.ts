// Light, dark, or follow the system. Only the inline script below touches the `dark` class on
// <html>; the toggle stores the choice and announces it, so the rule lives in one place.
export type ThemePreference = "system" | "light" | "dark";

const STORAGE_KEY = "baatcheet-theme";
const CHANGE_EVENT = "baatcheet-theme-change";

/**
 * Runs in <head> before first paint so a page never flashes the wrong theme, then keeps
 * following the system setting, other tabs and the toggle.
 */
export const themeScript = `(() => {
  const root = document.documentElement;
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let stored = null;
    try { stored = localStorage.getItem(${JSON.stringify(STORAGE_KEY)}); } catch {}
    root.classList.toggle("dark", stored === "dark" || (stored !== "light" && media.matches));
  };
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", apply);
  window.addEventListener(${JSON.stringify(CHANGE_EVENT)}, apply);
})();`;

export function readThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    // Storage can be blocked (sandboxed frames, strict privacy settings): fall back to the system.
    return "system";
  }
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function subscribeToTheme(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}
