"use client";

import { useMutation } from "@tanstack/react-query";
import { apiDownload } from "@/components/api/fetcher";
import type { ExportFormat } from "@/lib/export/schemas";

export type ExportTarget = { conversationId: string } | { projectId: string } | { all: true };

export const exportFormats: { value: ExportFormat; label: string; hint: string }[] = [
  { value: "pdf", label: "PDF", hint: "to read or print" },
  { value: "md", label: "Markdown", hint: "formatting kept as text" },
  { value: "txt", label: "Plain text", hint: "just the words" },
  { value: "json", label: "JSON", hint: "every field, for other programs" },
];

/** Hands a file to the browser's downloads. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Starts an export: a conversation downloads at once (null); a project or all gives a job id to follow. */
export function useStartExport() {
  return useMutation({
    mutationFn: async ({ target, format }: { target: ExportTarget; format: ExportFormat }): Promise<string | null> => {
      const result = await apiDownload("/api/v1/export", { ...target, format });
      if ("blob" in result) {
        saveFile(result.blob, result.fileName);
        return null;
      }
      return (result.json as { jobId: string }).jobId;
    },
  });
}
