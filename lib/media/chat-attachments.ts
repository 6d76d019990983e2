// What the chat needs to show an attached image to a model: the image itself for a vision model,
// or the text read from it (OCR, cached) for a text-only one.
import "server-only";
import { AppError } from "@/lib/http/errors";
import { readImageFile } from "./images";
import { runImageOcr } from "./ocr";

export type ChatImage =
  | { kind: "image"; bytes: Uint8Array; mime: string; name: string }
  | { kind: "text"; text: string; name: string; language: string; confidence: number };

/**
 * `vision: true` → the bytes (JPG/PNG/WebP/GIF, EXIF already stripped) to pass as an AI SDK
 * image part; `vision: false` → OCR text (auto language, cached per image) to inline in the
 * prompt. Another user's image id is a 404, as everywhere.
 */
export async function getImageForChat(options: { userId: string; imageId: string; vision: boolean }): Promise<ChatImage> {
  const file = await readImageFile(options);
  if (file.mime === "application/pdf") throw new AppError("unsupported_media_type", "PDFs cannot be attached to a chat message yet.");
  if (options.vision) return { kind: "image", bytes: file.bytes, mime: file.mime, name: file.name };
  const ocr = await runImageOcr({ userId: options.userId, imageId: options.imageId, language: "auto" });
  return { kind: "text", text: ocr.text, name: file.name, language: ocr.detected, confidence: ocr.confidence };
}
