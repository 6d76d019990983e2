// Audio: upload (type by magic numbers), transcription jobs, transcript analyses and voice chat.
// Every query is scoped to the owner.
import "server-only";
import { createHash } from "node:crypto";
import { aiRuntime } from "@/lib/ai/runtime";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { startJob } from "@/lib/jobs/dispatch";
import { setJobProgress } from "@/lib/jobs/service";
import { putThenRecord, storageFor } from "@/lib/storage/storage";
import { audioTranscriptionRequested, transcriptAnalysisRequested } from "./events";
import type { AudioView, analysisKinds } from "./schemas";
import { detectMediaType } from "../uploads/file-types";
import { generateAnswer, mediaCandidates } from "../answers/generate";
import { transcribeAudio } from "./transcription";
import type { ReceivedFile } from "../uploads/read-upload";

type AnalysisKind = (typeof analysisKinds)[number];

const audioSelect = {
  id: true,
  mime: true,
  bytes: true,
  originalName: true,
  transcript: true,
  language: true,
  durationSeconds: true,
  transcriptModel: true,
  transcribedAt: true,
  createdAt: true,
  analyses: {
    select: { id: true, kind: true, prompt: true, model: true, text: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const;

type AudioRow = Omit<AudioView, "url" | "analyses"> & { analyses: (Omit<AudioView["analyses"][number], "kind"> & { kind: string })[] };

function toView(row: AudioRow): AudioView {
  return { ...row, analyses: row.analyses.map((analysis) => ({ ...analysis, kind: analysis.kind as AnalysisKind })), url: `/api/v1/audio/${row.id}/file` };
}

export function audioLimits() {
  return { maxBytes: env.UPLOAD_MAX_AUDIO_BYTES };
}

export async function uploadAudio({ userId, file }: { userId: string; file: ReceivedFile }): Promise<AudioView> {
  if (file.bytes.length > audioLimits().maxBytes) throw new AppError("payload_too_large", "The audio file is over the size limit.");
  const type = await detectMediaType(file.bytes, "audio");
  const input = { owner: userId, name: file.name, bytes: file.bytes, contentType: type.mime };
  const row = await putThenRecord(input, (stored) =>
    db().audio.create({
      data: {
        userId,
        storage: stored.backend,
        storageKey: stored.key,
        mime: type.mime,
        bytes: file.bytes.length,
        originalName: file.name,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
      },
      select: audioSelect,
    }),
  );
  return toView(row);
}

export async function getAudioOrThrow({ userId, audioId }: { userId: string; audioId: string }): Promise<AudioView> {
  const row = await db().audio.findFirst({ where: { id: audioId, userId }, select: audioSelect });
  if (!row) throw new AppError("not_found", "No such audio file.");
  return toView(row);
}

export async function readAudioFile({ userId, audioId }: { userId: string; audioId: string }) {
  const row = await db().audio.findFirst({ where: { id: audioId, userId }, select: { mime: true, storage: true, storageKey: true, originalName: true } });
  if (!row) throw new AppError("not_found", "No such audio file.");
  const bytes = await storageFor(row.storage).get(row.storageKey);
  if (!bytes) throw new AppError("not_found", "The audio's file is missing from storage.");
  return { bytes, mime: row.mime, name: row.originalName };
}

export async function deleteAudio({ userId, audioId }: { userId: string; audioId: string }): Promise<void> {
  const row = await db().audio.findFirst({ where: { id: audioId, userId }, select: { id: true, storage: true, storageKey: true } });
  if (!row) throw new AppError("not_found", "No such audio file.");
  await db().audio.delete({ where: { id: row.id } });
  await storageFor(row.storage).delete(row.storageKey);
}

export async function requestTranscription(options: { userId: string; audioId: string; language?: string }): Promise<{ jobId: string }> {
  await getAudioOrThrow(options);
  const jobId = await startJob(audioTranscriptionRequested, {
    userId: options.userId,
    audioId: options.audioId,
    ...(options.language ? { language: options.language } : {}),
  });
  return { jobId };
}

/** Transcribes and stores the transcript on the audio row. */
export async function runTranscription(options: { jobId?: string; userId: string; audioId: string; language?: string }): Promise<AudioView> {
  const file = await readAudioFile(options);
  if (options.jobId) await setJobProgress(options.jobId, 20);
  const transcript = await transcribeAudio(aiRuntime(), { userId: options.userId, audio: file.bytes, language: options.language });
  await db().audio.updateMany({
    where: { id: options.audioId, userId: options.userId },
    data: {
      transcript: transcript.text,
      language: transcript.language,
      durationSeconds: transcript.durationSeconds,
      transcriptModel: transcript.model,
      transcribedAt: new Date(),
    },
  });
  return getAudioOrThrow(options);
}

const analysisPrompts: Record<Exclude<AnalysisKind, "custom">, string> = {
  summary: "Summarise this transcript in a short paragraph, then list the key points as bullets.",
  topics: "List the main topics discussed in this transcript, one per line, most important first, each with a one-line description.",
  sentiment:
    "Judge the overall sentiment of this transcript: answer `positive`, `neutral`, `negative` or `mixed` on the first line, then explain briefly with quotes.",
};

export async function requestTranscriptAnalysis(options: {
  userId: string;
  audioId: string;
  kind: AnalysisKind;
  prompt?: string;
  model?: string;
}): Promise<{ jobId: string }> {
  const audio = await getAudioOrThrow(options);
  if (audio.transcript === null) throw new AppError("conflict", "Transcribe the audio first (POST /api/v1/audio/transcribe).");
  mediaCandidates({ modelId: options.model });
  const jobId = await startJob(transcriptAnalysisRequested, {
    userId: options.userId,
    audioId: options.audioId,
    kind: options.kind,
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.model ? { model: options.model } : {}),
  });
  return { jobId };
}

export async function runTranscriptAnalysis(options: {
  jobId?: string;
  userId: string;
  audioId: string;
  kind: AnalysisKind;
  prompt?: string;
  model?: string;
}) {
  const audio = await getAudioOrThrow(options);
  if (audio.transcript === null) throw new AppError("conflict", "The audio has no transcript yet.");
  if (options.jobId) await setJobProgress(options.jobId, 20);
  const instruction = options.kind === "custom" ? options.prompt ?? "" : analysisPrompts[options.kind];
  const answer = await generateAnswer({
    userId: options.userId,
    candidates: mediaCandidates({ modelId: options.model }),
    system: "You analyse transcripts of recorded speech. Answer in the transcript's language unless asked otherwise.",
    messages: [{ role: "user", content: `${instruction}\n\nTranscript:\n"""\n${audio.transcript}\n"""` }],
  });
  return db().audioAnalysis.create({
    data: { audioId: audio.id, kind: options.kind, prompt: options.kind === "custom" ? options.prompt : null, model: answer.model, text: answer.text },
    select: { id: true, kind: true, prompt: true, model: true, text: true, createdAt: true },
  });
}

/** Voice chat: upload → transcribe → AI reply, in one request (a spoken turn needs its answer now). */
export async function voiceChat(options: {
  userId: string;
  file: ReceivedFile;
  language?: string;
  model?: string;
  system?: string;
}) {
  const candidates = mediaCandidates({ modelId: options.model });
  const uploaded = await uploadAudio({ userId: options.userId, file: options.file });
  const audio = await runTranscription({ userId: options.userId, audioId: uploaded.id, language: options.language });
  if (!audio.transcript) throw new AppError("validation_failed", "No speech was recognised in the recording.");
  const reply = await generateAnswer({
    userId: options.userId,
    candidates,
    system: options.system ?? "You are BaatCheet, a helpful assistant. The user spoke this message; reply in the language they used.",
    messages: [{ role: "user", content: audio.transcript }],
  });
  return { audio, transcript: audio.transcript, reply };
}
