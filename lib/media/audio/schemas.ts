import { z } from "zod";

export const analysisKinds = ["summary", "topics", "sentiment", "custom"] as const;

export const audioAnalysisView = z.object({
  id: z.string(),
  kind: z.enum(analysisKinds),
  prompt: z.string().nullable(),
  model: z.string(),
  text: z.string(),
  createdAt: z.date(),
});

export const audioView = z.object({
  id: z.string(),
  mime: z.string().describe("The real type, from the file's magic numbers"),
  bytes: z.int(),
  originalName: z.string(),
  transcript: z.string().nullable(),
  language: z.string().nullable().describe("ISO 639-1, as asked for or as detected"),
  durationSeconds: z.number().nullable(),
  transcriptModel: z.string().nullable().describe("`<provider>:<model>` that transcribed it"),
  transcribedAt: z.date().nullable(),
  createdAt: z.date(),
  url: z.string().describe("Authorised download of the stored file"),
  analyses: z.array(audioAnalysisView),
});
export type AudioView = z.infer<typeof audioView>;

export const audioResponse = z.object({ audio: audioView });

const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "an ISO 639-1 code such as en, ur or hi")
  .optional()
  .describe("The spoken language; unset → detected");

export const transcribeRequest = z.object({
  audioId: z.string().min(1).max(64),
  language,
});

/** Text fields sent beside the file in multipart forms. */
export const transcribeUploadFields = z.object({ language });

export const transcribeUploadQuery = z.object({
  wait: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .describe("`true` → transcribe within the request and answer 200 with the transcript (no job)"),
});

export const voiceChatFields = z.object({
  language,
  model: z.string().max(200).optional().describe("A model id from GET /api/v1/chat/models; unset → the first available"),
  system: z.string().max(4000).optional().describe("System prompt for the reply"),
});

export const analyzeAudioRequest = z
  .object({
    kind: z.enum(analysisKinds).describe("summary, topics, sentiment, or custom (with `prompt`)"),
    prompt: z.string().trim().min(1).max(4000).optional(),
    model: z.string().max(200).optional(),
  })
  .refine((input) => input.kind !== "custom" || input.prompt, { message: "a custom analysis needs a prompt", path: ["prompt"] });

export const audioLanguages = z.object({
  items: z.array(z.object({ code: z.string().describe("ISO 639-1"), name: z.string() })),
});

export const voiceChatResult = z.object({
  audio: audioView,
  transcript: z.string(),
  reply: z.object({ text: z.string(), model: z.string().describe("The catalogue model that answered") }),
});

/** POST /api/v1/audio/transcribe-upload without `?wait=true`: the upload and the job transcribing it. */
export const transcribeUploadQueued = z.object({
  audio: audioView,
  jobId: z.string().describe("Poll GET /api/v1/jobs/:id"),
  status: z.literal("queued"),
});
