"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { JobStatus } from "@/components/media/job-status";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ExportFormat, ExportJobOutput } from "@/lib/export/schemas";
import { exportFormats, useStartExport, type ExportTarget } from "./use-export";

/**
 * Pick a format and export. One conversation downloads at once; a project (or everything) runs
 * as a job: its progress shows here, then a link to the ZIP (kept for 24 hours).
 */
export function ExportDialog({ target, title, onClose }: { target: ExportTarget; title: string; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>("pdf");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartExport();
  const dialogRef = useRef<HTMLDivElement>(null);
  const bulk = !("conversationId" in target);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>("input:checked")?.focus();
  }, []);

  const submit = () =>
    start.mutate({ target, format }, { onSuccess: (startedJob) => (startedJob ? setJobId(startedJob) : onClose()) });

  // On the body: the sidebar row that opens it must not clip, style or receive its events.
  return createPortal(
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 p-4 pt-[15vh]" onMouseDown={onClose}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-label={`Export ${title}`}
        data-testid="export-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onClose();
          }
        }}
        className="w-full max-w-sm space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-2xl dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div>
          <h2 className="text-base font-semibold">Export</h2>
          <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{title}</p>
        </div>
        {!jobId && (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <fieldset className="space-y-1">
              <legend className="sr-only">Format</legend>
              {exportFormats.map((option) => (
                <label key={option.value} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
                  <input
                    type="radio"
                    name="export-format"
                    value={option.value}
                    data-testid={`export-format-${option.value}`}
                    checked={format === option.value}
                    onChange={() => setFormat(option.value)}
                  />
                  <span className="font-medium">{option.label}</span>
                  <span className="text-zinc-500">{option.hint}</span>
                </label>
              ))}
            </fieldset>
            {bulk && <p className="text-xs text-zinc-500">Makes a ZIP with Markdown and JSON of each conversation (and the format you pick), and an index.</p>}
            {start.isError && <FormError>{start.error.message}</FormError>}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" pending={start.isPending} data-testid="export-submit">
                Export
              </Button>
            </div>
          </form>
        )}
        {jobId && (
          <div className="space-y-4">
            <JobStatus jobId={jobId} label="Export" testId="export-progress">
              {(output) => {
                const done = output as ExportJobOutput;
                return (
                  <p className="text-sm">
                    {done.conversations} conversations.{" "}
                    <a href={done.downloadUrl} download={done.name} data-testid="export-download" className="font-medium underline">
                      Download {done.name}
                    </a>{" "}
                    <span className="text-zinc-500">(until {new Date(done.expiresAt).toLocaleString()})</span>
                  </p>
                );
              }}
            </JobStatus>
            <div className="flex justify-end">
              <Button variant="secondary" onClick={onClose}>
                Close
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
