// TanStack Query hooks for /api/v1/images, /api/v1/audio and /api/v1/jobs.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/components/api/fetcher";
import type { JobView } from "@/lib/jobs/schemas";
import type { AudioView, audioLanguages } from "@/lib/media/audio/schemas";
import type { ImageView } from "@/lib/media/images/schemas";
import type { OcrResultView, OcrOutcomeView } from "@/lib/media/ocr/schemas";
import type { JobStartedView } from "@/lib/jobs/schemas";
import type { Jsonified } from "@/lib/jsonified";
import { uploadWithProgress } from "./upload-request";

export type ImageJson = Jsonified<ImageView>;
export type AudioJson = Jsonified<AudioView>;
export type JobJson = Jsonified<JobView>;
export type OcrJson = Jsonified<OcrResultView>;

export type OcrOutcome = Jsonified<OcrOutcomeView>;

export function useUploadImage(onProgress: (percent: number) => void) {
  return useMutation({
    mutationFn: (file: File) => uploadWithProgress<{ image: ImageJson }>("/api/v1/images/upload", file, { onProgress }).then(({ image }) => image),
  });
}

export function useStartOcr() {
  return useMutation({
    mutationFn: ({ imageId, language }: { imageId: string; language: string }) =>
      apiFetch<OcrOutcome>(`/api/v1/images/${imageId}/ocr`, { method: "POST", body: { language } }),
  });
}

export function useStartImageAnalysis() {
  return useMutation({
    mutationFn: ({ imageId, prompt }: { imageId: string; prompt: string }) =>
      apiFetch<JobStartedView>(`/api/v1/images/${imageId}/analyze`, { method: "POST", body: prompt ? { prompt } : {} }),
  });
}

/** Polls a job until it is done or failed. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ["jobs", jobId],
    queryFn: ({ signal }) => apiFetch<{ job: JobJson }>(`/api/v1/jobs/${jobId}`, { signal }).then(({ job }) => job),
    enabled: Boolean(jobId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : 600;
    },
  });
}

export function useTranscribeUpload(onProgress: (percent: number) => void) {
  return useMutation({
    mutationFn: ({ file, language }: { file: Blob; language?: string }) =>
      uploadWithProgress<{ audio: AudioJson; jobId: string }>("/api/v1/audio/transcribe-upload", file, {
        fileName: file instanceof File ? file.name : "recording.webm",
        fields: { language },
        onProgress,
      }),
  });
}

export function useVoiceChat(onProgress: (percent: number) => void) {
  return useMutation({
    mutationFn: ({ file, language }: { file: Blob; language?: string }) =>
      uploadWithProgress<{ audio: AudioJson; transcript: string; reply: { text: string; model: string } }>(
        "/api/v1/audio/voice-chat",
        file,
        { fileName: file instanceof File ? file.name : "recording.webm", fields: { language }, onProgress },
      ),
  });
}

export function useAudio(audioId: string | null, refreshKey: unknown) {
  return useQuery({
    queryKey: ["audio", audioId, refreshKey],
    queryFn: ({ signal }) => apiFetch<{ audio: AudioJson }>(`/api/v1/audio/${audioId}`, { signal }).then(({ audio }) => audio),
    enabled: Boolean(audioId),
  });
}

export function useAnalyzeAudio() {
  return useMutation({
    mutationFn: ({ audioId, kind }: { audioId: string; kind: "summary" | "topics" | "sentiment" }) =>
      apiFetch<JobStartedView>(`/api/v1/audio/${audioId}/analyze`, { method: "POST", body: { kind } }),
  });
}

export function useSpokenLanguages() {
  return useQuery({
    queryKey: ["audio", "languages"],
    queryFn: ({ signal }) => apiFetch<z.infer<typeof audioLanguages>>("/api/v1/audio/config/languages", { signal }),
    staleTime: Infinity,
  });
}
