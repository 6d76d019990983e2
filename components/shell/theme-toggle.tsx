"use client";

import { useSyncExternalStore } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { MoonIcon, SunIcon, SystemIcon } from "@/components/ui/icons";
import { readThemePreference, setThemePreference, subscribeToTheme, type ThemePreference } from "./theme";

const nextPreference: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const labels: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };
const icons: Record<ThemePreference, typeof SunIcon> = { system: SystemIcon, light: SunIcon, dark: MoonIcon };

/** Cycles System → Light → Dark. `showLabel` for menus; icon-only elsewhere. */
export function ThemeToggle({ className, showLabel = false }: { className?: string; showLabel?: boolean }) {
  // The server cannot know the stored choice, so it renders "system" and the client catches up.
  const preference = useSyncExternalStore(subscribeToTheme, readThemePreference, () => "system" as const);
  const hydrated = useHydrated();
  const next = nextPreference[preference];
  const ThemeIcon = icons[preference];
  const description = `Theme: ${labels[preference]}. Switch to ${labels[next].toLowerCase()}.`;
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      disabled={!hydrated}
      onClick={() => setThemePreference(next)}
      aria-label={description}
      title={description}
      className={className}
    >
      <ThemeIcon />
      {showLabel && <span>Theme: {labels[preference]}</span>}
    </button>
  );
}
