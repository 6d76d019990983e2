import { cx } from "@/components/ui/cx";

export function Brand({ className }: { className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span
        aria-hidden="true"
        className="grid size-7 place-items-center rounded-lg bg-zinc-900 text-sm font-bold text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        B
      </span>
      BaatCheet
    </span>
  );
}
