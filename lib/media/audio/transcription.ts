// Speech to text with the AI SDK: Groq Whisper first, OpenAI Whisper as the backup, through the
// same key pools, failover and usage ledger as chat (lib/ai/failover.ts).
import { experimental_transcribe as transcribe, type Experimental_TranscriptionResult as TranscriptionResult } from "ai";
import { createGroq } from "@ai-sdk/groq";
import { createOpenAI } from "@ai-sdk/openai";
import { AppError } from "@/lib/errors";
import { callWithFailover, completedOrThrow, describeCallError, type KeyCallResult } from "@/lib/ai/failover";
import type { AcquiredKey } from "@/lib/ai/key-pool";
import type { AiRuntime } from "@/lib/ai/runtime";
import type { AiProviderId } from "@/lib/env";

export interface TranscriptionModelEntry {
  /** `<provider>:<model>`, as the ledger and the audio row name it. */
  id: string;
  provider: Extract<AiProviderId, "groq" | "openai">;
  modelId: string;
  /** Rough USD list price per hour of audio, for the ledger's cost estimate only. */
  pricePerHourUsd: number;
}

/** In failover order. */
export const transcriptionModels: TranscriptionModelEntry[] = [
  { id: "groq:whisper-large-v3", provider: "groq", modelId: "whisper-large-v3", pricePerHourUsd: 0.111 },
  { id: "openai:whisper-1", provider: "openai", modelId: "whisper-1", pricePerHourUsd: 0.36 },
];

export interface Transcript {
  text: string;
  /** ISO 639-1, as asked for or as detected. */
  language: string | null;
  durationSeconds: number | null;
  /** `<provider>:<model>`. */
  model: string;
}

const TRANSCRIPTION_TIMEOUT_MS = 120_000;

/** Whisper reports languages by name in verbose_json ("english"); we keep ISO codes. */
function toLanguageCode(language: string | undefined, fallback: string | undefined): string | null {
  if (!language) return fallback ?? null;
  const lower = language.toLowerCase();
  if (/^[a-z]{2,3}$/.test(lower)) return lower;
  return whisperLanguages.find((entry) => entry.name.toLowerCase() === lower)?.code ?? fallback ?? null;
}

function transcriptionModel(runtime: AiRuntime, entry: TranscriptionModelEntry, apiKey: string | undefined) {
  const { baseURL } = runtime.registry.providers[entry.provider];
  if (!apiKey) throw new Error(`${entry.provider} needs an API key`);
  return entry.provider === "groq"
    ? createGroq({ baseURL, apiKey }).transcription(entry.modelId)
    : createOpenAI({ baseURL, apiKey }).transcription(entry.modelId);
}

/** Which transcription providers have keys here. */
export function configuredTranscriptionModels(runtime: AiRuntime): TranscriptionModelEntry[] {
  return transcriptionModels.filter((entry) => runtime.pools.has(entry.provider));
}

/** One call to one key; a thrown error is a failed attempt for the failover helper to judge. */
async function transcribeWith(
  runtime: AiRuntime,
  target: { model: TranscriptionModelEntry; key: AcquiredKey },
  input: { audio: Uint8Array; language?: string },
): Promise<KeyCallResult<TranscriptionResult>> {
  const { model: entry, key } = target;
  try {
    const result = await transcribe({
      model: transcriptionModel(runtime, entry, key.apiKey),
      audio: input.audio,
      providerOptions: {
        groq: { responseFormat: "verbose_json", ...(input.language ? { language: input.language } : {}) },
        openai: { ...(input.language ? { language: input.language } : {}) },
      },
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(TRANSCRIPTION_TIMEOUT_MS),
    });
    const costUsd = ((result.durationInSeconds ?? 0) / 3600) * entry.pricePerHourUsd;
    return { outcome: "success", value: result, headers: result.responses[0]?.headers, costUsd };
  } catch (error) {
    const failure = describeCallError(error);
    return { outcome: "failed", status: failure.status, headers: failure.headers, error: failure.message };
  }
}

export async function transcribeAudio(
  runtime: AiRuntime,
  input: { userId: string; audio: Uint8Array; language?: string },
): Promise<Transcript> {
  const candidates = configuredTranscriptionModels(runtime);
  if (candidates.length === 0) {
    throw new AppError("provider_unavailable", "No speech-to-text provider is configured: set GROQ_API_KEY or OPENAI_API_KEY.");
  }
  const { value: result, final } = completedOrThrow(
    await callWithFailover(runtime, {
      candidates,
      usage: { context: { userId: input.userId } },
      service: "speech-to-text provider",
      attempt: (target) => transcribeWith(runtime, target, input),
    }),
  );
  return {
    text: result.text.trim(),
    language: toLanguageCode(result.language, input.language),
    durationSeconds: result.durationInSeconds ?? null,
    model: final.model.id,
  };
}

/** Languages Whisper transcribes well (ISO 639-1), for GET /api/v1/audio/config/languages. */
export const whisperLanguages = [
  { code: "en", name: "English" },
  { code: "ur", name: "Urdu" },
  { code: "hi", name: "Hindi" },
  { code: "ar", name: "Arabic" },
  { code: "pa", name: "Punjabi" },
  { code: "sd", name: "Sindhi" },
  { code: "ps", name: "Pashto" },
  { code: "fa", name: "Persian" },
  { code: "bn", name: "Bengali" },
  { code: "ta", name: "Tamil" },
  { code: "te", name: "Telugu" },
  { code: "mr", name: "Marathi" },
  { code: "gu", name: "Gujarati" },
  { code: "tr", name: "Turkish" },
  { code: "zh", name: "Chinese" },
  { code: "ja", name: "Japanese" },
  { code: "ko", name: "Korean" },
  { code: "id", name: "Indonesian" },
  { code: "ms", name: "Malay" },
  { code: "ru", name: "Russian" },
  { code: "uk", name: "Ukrainian" },
  { code: "es", name: "Spanish" },
  { code: "pt", name: "Portuguese" },
  { code: "fr", name: "French" },
  { code: "de", name: "German" },
  { code: "it", name: "Italian" },
  { code: "nl", name: "Dutch" },
  { code: "pl", name: "Polish" },
  { code: "sv", name: "Swedish" },
  { code: "sw", name: "Swahili" },
] as const;
