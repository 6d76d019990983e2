"use client";

// The images waiting to be sent: a thumbnail each, with upload progress, the server's reason
// when it refused one, and a button to take it out.
import { cx } from "@/components/ui/cx";
import { AlertIcon, CloseIcon } from "@/components/ui/icons";
import type { Attachments } from "./use-attachments";

export function AttachmentTray({ attachments }: { attachments: Attachments }) {
  if (attachments.items.length === 0) return null;
  return (
    <ul aria-label="Attached images" className="mb-2 flex flex-wrap gap-2">
      {attachments.items.map((item) => (
        <li
          key={item.key}
          data-testid="attachment"
          data-state={item.state}
          className={cx(
            "relative flex w-44 items-center gap-2 rounded-xl border bg-white p-1.5 pr-7 text-xs dark:bg-zinc-900",
            item.state === "failed" ? "border-red-300 dark:border-red-800" : "border-zinc-200 dark:border-zinc-800",
          )}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL; next/image cannot optimise it */}
          <img src={item.previewUrl} alt="" className="size-10 shrink-0 rounded-lg object-cover" />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium" title={item.name}>
              {item.name}
            </p>
            {item.state === "uploading" && (
              <div
                role="progressbar"
                aria-label={`Uploading ${item.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={item.progress}
                className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
              >
                <div className="h-full rounded-full bg-emerald-600 transition-[width]" style={{ width: `${item.progress}%` }} />
              </div>
            )}
            {item.state === "ready" && <p className="text-zinc-500 dark:text-zinc-400">Ready</p>}
            {item.state === "failed" && (
              <p data-testid="attachment-error" role="alert" className="flex items-start gap-1 text-red-700 dark:text-red-300" title={item.error}>
                <AlertIcon className="mt-0.5 size-3 shrink-0" />
                <span className="line-clamp-2">{item.error}</span>
              </p>
            )}
          </div>
          <button
            type="button"
            data-testid="attachment-remove"
            aria-label={`Remove ${item.name}`}
            onClick={() => attachments.remove(item.key)}
            className="absolute top-1 right-1 grid size-5 cursor-pointer place-items-center rounded-full text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <CloseIcon className="size-3" />
          </button>
        </li>
      ))}
    </ul>
  );
}
