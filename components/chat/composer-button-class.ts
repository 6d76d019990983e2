import { cx } from "@/components/ui/cx";

const looks = {
  ghost: "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
  solid: "bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white",
  recording: "animate-pulse bg-red-600 text-white hover:bg-red-700",
} as const;

/** The composer's round buttons: 36 px under a mouse, 44 px under a finger (the touch-target minimum). */
export function composerButtonClass(look: keyof typeof looks): string {
  return cx(
    "grid size-9 shrink-0 cursor-pointer place-items-center rounded-full pointer-coarse:size-11",
    "disabled:cursor-not-allowed disabled:opacity-40",
    looks[look],
  );
}
