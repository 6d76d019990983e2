/** A labelled progress bar; `percent` null shows an indeterminate state. */
export function ProgressBar({ label, percent, testId }: { label: string; percent: number | null; testId: string }) {
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <span>{label}</span>
        {percent !== null && <span data-testid={`${testId}-percent`}>{percent}%</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={percent === null ? "h-full w-1/3 animate-pulse rounded-full bg-zinc-500" : "h-full rounded-full bg-emerald-600 transition-[width]"}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
