"use client";

import type { ReactNode } from "react";
import { FormError } from "@/components/ui/alert";
import { ProgressBar } from "./progress-bar";
import { useJob, type JobJson } from "./use-media";

const statusLabels: Record<JobJson["status"], string> = {
  queued: "Queued",
  running: "Working",
  done: "Done",
  failed: "Failed",
};

/** Follows a job: progress while it runs, its error if it fails, `children(output)` once done. */
export function JobStatus({
  jobId,
  label,
  testId,
  children,
}: {
  jobId: string;
  label: string;
  testId: string;
  children: (output: unknown) => ReactNode;
}) {
  const job = useJob(jobId);
  if (job.error) return <FormError>{job.error.message}</FormError>;
  if (!job.data) return <ProgressBar label={`${label}: starting…`} percent={null} testId={testId} />;
  const { status, progress, error, output } = job.data;
  if (status === "failed") return <FormError>{`${label} failed: ${error ?? "unknown error"}`}</FormError>;
  if (status === "done") return <div data-testid={`${testId}-done`}>{children(output)}</div>;
  return <ProgressBar label={`${label}: ${statusLabels[status].toLowerCase()}…`} percent={progress} testId={testId} />;
}
