"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import { Input } from "./input";
import { Label } from "./label";
import { useHydrated } from "./use-hydrated";

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  /** Shown under the input instead of the hint, and tied to it for screen readers. */
  error?: string;
  hint?: ReactNode;
  /** Sits at the right of the label row, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  /** Sits inside the input at its right edge, e.g. a show-password button. */
  trailing?: ReactNode;
}

export function Field({ id, label, error, hint, labelAside, trailing, className, readOnly, ...inputProps }: FieldProps) {
  // Read-only, not disabled, before hydration: the native autofocus still works, but nothing typed
  // can be lost, because React keeps the server value in state while the DOM shows the typing.
  const hydrated = useHydrated();
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAside}
      </div>
      <div className="relative">
        <Input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={cx(hintId, errorId) || undefined}
          className={trailing ? "pr-16" : undefined}
          readOnly={readOnly || !hydrated}
          {...inputProps}
        />
        {trailing && <div className="absolute inset-y-0 right-1 flex items-center">{trailing}</div>}
      </div>
      {hintId && (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
