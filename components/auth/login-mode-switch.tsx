"use client";

import { cx } from "@/components/ui/cx";
import { useHydrated } from "@/components/ui/use-hydrated";

export type LoginMode = "password" | "code";

const modes: { mode: LoginMode; label: string; testId: string }[] = [
  { mode: "password", label: "Password", testId: "login-use-password" },
  { mode: "code", label: "Email me a code", testId: "login-use-code" },
];

export function LoginModeSwitch({ mode, onChange }: { mode: LoginMode; onChange: (mode: LoginMode) => void }) {
  const hydrated = useHydrated();
  return (
    <div role="group" aria-label="How to sign in" className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
      {modes.map((option) => (
        <button
          key={option.mode}
          type="button"
          aria-pressed={mode === option.mode}
          disabled={!hydrated}
          onClick={() => mode !== option.mode && onChange(option.mode)}
          data-testid={option.testId}
          className={cx(
            "h-8 cursor-pointer rounded-md text-sm font-medium transition-colors",
            "focus-visible:outline-2 focus-visible:outline-zinc-900 dark:focus-visible:outline-zinc-100",
            mode === option.mode
              ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
