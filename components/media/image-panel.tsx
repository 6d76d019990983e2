"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ocrLanguages } from "@/lib/media/ocr/languages";
import { JobStatus } from "./job-status";
import { ProgressBar } from "./progress-bar";
import { useStartImageAnalysis, useStartOcr, useUploadImage, type OcrJson } from "./use-media";

const selectClass =
  "h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-950";

function OcrText({ result }: { result: OcrJson }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Read as <span data-testid="ocr-language">{result.detected}</span>, confidence {Math.round(result.confidence)}%
      </p>
      <pre
        data-testid="ocr-text"
        dir="auto"
        className="whitespace-pre-wrap rounded-lg bg-zinc-100 p-3 font-sans text-sm dark:bg-zinc-800"
      >
        {result.text || "(no text found)"}
      </pre>
    </div>
  );
}

export function ImagePanel() {
  const hydrated = useHydrated();
  const [uploadPercent, setUploadPercent] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState("auto");
  const [prompt, setPrompt] = useState("");
  const [ocrJobId, setOcrJobId] = useState<string | null>(null);
  const [cachedOcr, setCachedOcr] = useState<OcrJson | null>(null);
  const [analysisJobId, setAnalysisJobId] = useState<string | null>(null);
  const upload = useUploadImage(setUploadPercent);
  const ocr = useStartOcr();
  const analysis = useStartImageAnalysis();
  const image = upload.data;

  function onUpload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setUploadPercent(0);
    setOcrJobId(null);
    setCachedOcr(null);
    setAnalysisJobId(null);
    upload.mutate(file);
  }

  function onOcr() {
    if (!image) return;
    setCachedOcr(null);
    setOcrJobId(null);
    ocr.mutate(
      { imageId: image.id, language },
      { onSuccess: (outcome) => (outcome.status === "done" ? setCachedOcr(outcome.result) : setOcrJobId(outcome.jobId)) },
    );
  }

  function onAnalyse() {
    if (!image) return;
    setAnalysisJobId(null);
    analysis.mutate({ imageId: image.id, prompt }, { onSuccess: (started) => setAnalysisJobId(started.jobId) });
  }

  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-base font-semibold">Image</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">JPG, PNG, WebP, GIF or PDF, up to 10 MB. Location and camera data are removed.</p>
      </div>
      <form onSubmit={onUpload} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="image-file">File</Label>
          <input
            id="image-file"
            data-testid="image-file"
            // A file picked before hydration would be lost: its change handler is not attached yet.
            disabled={!hydrated}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-zinc-100 file:px-3 file:py-2 dark:file:bg-zinc-800"
          />
        </div>
        <Button type="submit" data-testid="image-upload" disabled={!file} pending={upload.isPending}>
          Upload
        </Button>
      </form>
      {upload.isPending && <ProgressBar label="Uploading" percent={uploadPercent} testId="image-upload-progress" />}
      {upload.error && <FormError>{upload.error.message}</FormError>}

      {image && (
        <div className="space-y-5" data-testid="image-uploaded">
          {image.mime !== "application/pdf" && (
            // eslint-disable-next-line @next/next/no-img-element -- a private, authorised file; next/image would proxy it
            <img src={image.url} alt={image.originalName} className="max-h-64 rounded-lg border border-zinc-200 dark:border-zinc-800" />
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {image.originalName} · {image.mime}
            {image.width ? ` · ${image.width}×${image.height}` : ""} · {Math.round(image.bytes / 1024)} KB
          </p>

          <section aria-labelledby="ocr-heading" className="space-y-3">
            <h3 id="ocr-heading" className="text-sm font-semibold">Read the text (OCR)</h3>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <div className="flex-1 space-y-1.5">
                <Label htmlFor="ocr-language">Language</Label>
                <select id="ocr-language" data-testid="ocr-language-select" value={language} onChange={(event) => setLanguage(event.target.value)} className={selectClass}>
                  <option value="auto">Detect automatically</option>
                  {ocrLanguages.map((entry) => (
                    <option key={entry.code} value={entry.code}>
                      {entry.name}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary" data-testid="ocr-start" onClick={onOcr} pending={ocr.isPending}>
                Read text
              </Button>
            </div>
            {ocr.error && <FormError>{ocr.error.message}</FormError>}
            {cachedOcr && <OcrText result={cachedOcr} />}
            {ocrJobId && (
              <JobStatus jobId={ocrJobId} label="Reading text" testId="ocr-progress">
                {(output) => <OcrText result={output as OcrJson} />}
              </JobStatus>
            )}
          </section>

          <section aria-labelledby="vision-heading" className="space-y-3">
            <h3 id="vision-heading" className="text-sm font-semibold">Ask a vision model</h3>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <div className="flex-1 space-y-1.5">
                <Label htmlFor="vision-prompt">Question (optional)</Label>
                <input
                  id="vision-prompt"
                  data-testid="vision-prompt"
                  value={prompt}
                  onChange={(event) => setPrompt(event.target.value)}
                  placeholder="Describe this image"
                  className={selectClass}
                />
              </div>
              <Button variant="secondary" data-testid="vision-start" onClick={onAnalyse} pending={analysis.isPending}>
                Analyse
              </Button>
            </div>
            {analysis.error && <FormError>{analysis.error.message}</FormError>}
            {analysisJobId && (
              <JobStatus jobId={analysisJobId} label="Analysing" testId="vision-progress">
                {(output) => (
                  <p data-testid="vision-text" dir="auto" className="whitespace-pre-wrap rounded-lg bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
                    {(output as { text: string }).text}
                  </p>
                )}
              </JobStatus>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}
