// Speech to text with the AI SDK: Groq Whisper first, OpenAI Whisper as the backup, through the
// same key pools (and health) as chat. A rate-limited or failing key moves on to the next key,
// then to the next provider; a request the provider refuses (bad audio) stops at once.
import { APICallError, experimental_transcribe as transcribe } from "ai";
import { createGroq } from "@ai-sdk/groq";
import { createOpenAI } from "@ai-sdk/openai";
import { AppError } from "@/lib/errors";
import { classifyFailure } from "@/lib/ai/key-pool";
import type { AiRuntime } from "@/lib/ai/runtime";
import type { AiProviderId } from "@/lib/env";

export interface TranscriptionModelEntry {
  provider: Extract<AiProviderId, "groq" | "openai">;
  modelId: string;
}

/** In failover order. */
export const transcriptionModels: TranscriptionModelEntry[] = [
  { provider: "groq", modelId: "whisper-large-v3" },
  { provider: "openai", modelId: "whisper-1" },
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

export async function transcribeAudio(
  runtime: AiRuntime,
  input: { audio: Uint8Array; language?: string },
): Promise<Transcript> {
  const candidates = configuredTranscriptionModels(runtime);
  if (candidates.length === 0) {
    throw new AppError("provider_unavailable", "No speech-to-text provider is configured: set GROQ_API_KEY or OPENAI_API_KEY.");
  }
  let attempts = 0;
  for (const entry of candidates) {
    const pool = runtime.pools.get(entry.provider)!;
    const tried = new Set<string>();
    for (let key = pool.acquire(tried); key; key = pool.acquire(tried)) {
      tried.add(key.id);
      attempts += 1;
      const started = runtime.now();
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
        pool.reportSuccess(key.id, { latencyMs: runtime.now() - started, headers: result.responses[0]?.headers });
        return {
          text: result.text.trim(),
          language: toLanguageCode(result.language, input.language),
          durationSeconds: result.durationInSeconds ?? null,
          model: `${entry.provider}:${entry.modelId}`,
        };
      } catch (error) {
        const status = APICallError.isInstance(error) ? error.statusCode : undefined;
        const headers = APICallError.isInstance(error) ? error.responseHeaders : undefined;
        const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
        pool.reportFailure(key.id, { status, headers, message });
        if (classifyFailure(status) === "request_error") {
          throw new AppError("validation_failed", `The speech-to-text provider refused the audio: ${message}`);
        }
      }
    }
  }
  throw new AppError(
    "provider_unavailable",
    attempts === 0
      ? "Every speech-to-text key is cooling down or disabled. Try again in a few seconds."
      : `Every speech-to-text provider failed (${attempts} attempt${attempts === 1 ? "" : "s"}). Try again in a moment.`,
  );
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
