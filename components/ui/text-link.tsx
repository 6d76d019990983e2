import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={cx(
        "font-medium text-zinc-900 underline decoration-zinc-400 underline-offset-4 hover:decoration-zinc-900",
        "dark:text-zinc-100 dark:decoration-zinc-500 dark:hover:decoration-zinc-100",
        className,
      )}
      {...props}
    />
  );
}
