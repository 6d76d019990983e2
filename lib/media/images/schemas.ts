import { z } from "zod";

/** The authorised download of a stored image (the owner's session or API key). */
export const imageFileUrl = (imageId: string) => `/api/v1/images/${imageId}/file`;

export const imageView = z.object({
  id: z.string(),
  mime: z.string().describe("The real type, from the file's magic numbers"),
  bytes: z.int().describe("Size as stored (after EXIF was stripped)"),
  width: z.int().nullable().describe("Pixels; null for PDFs"),
  height: z.int().nullable(),
  pages: z.int(),
  originalName: z.string(),
  createdAt: z.date(),
  url: z.string().describe("Authorised download of the stored file"),
});
export type ImageView = z.infer<typeof imageView>;

export const imageResponse = z.object({ image: imageView });

export const analyzeImageRequest = z.object({
  prompt: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default("Describe this image in detail. Transcribe any text in it.")
    .describe("What to ask the vision model about the image"),
  model: z.string().max(200).optional().describe("A vision-capable model id from GET /api/v1/chat/models; unset → the first available"),
});
export type AnalyzeImageRequest = z.infer<typeof analyzeImageRequest>;
