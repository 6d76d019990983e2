// What an upload really is, by its magic numbers (file-type), never by its name or the MIME type
// the client claims. Only the types listed here are accepted; anything else is a 415.
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";

export const imageTypes = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  pdf: "application/pdf",
} as const;

/** MediaRecorder writes WebM (Chrome, Firefox) or MP4 (Safari); file-type names those video/*. */
export const audioTypes = {
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  webm: "audio/webm",
  flac: "audio/flac",
  m4a: "audio/mp4",
  mp4: "audio/mp4",
} as const;

export type MediaKind = "image" | "audio";
export type ImageExtension = keyof typeof imageTypes;
export type AudioExtension = keyof typeof audioTypes;

export interface DetectedType {
  ext: string;
  mime: string;
}

const accepted: Record<MediaKind, Record<string, string>> = { image: imageTypes, audio: audioTypes };
const acceptedList: Record<MediaKind, string> = {
  image: "JPG, PNG, WebP, GIF or PDF",
  audio: "MP3, WAV, OGG, WebM, FLAC or M4A",
};

/** The upload's real type when it is one `kind` accepts; 400 when empty, 415 otherwise. */
export async function detectMediaType(bytes: Uint8Array, kind: MediaKind): Promise<DetectedType> {
  if (bytes.length === 0) throw new AppError("invalid_upload", "The file is empty.");
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected ? accepted[kind][detected.ext] : undefined;
  if (!detected || !mime) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : "of a type we could not recognise";
    throw new AppError(
      "unsupported_media_type",
      `The file is ${what}, whatever its name says. Upload ${acceptedList[kind]}.`,
    );
  }
  return { ext: detected.ext, mime };
}
