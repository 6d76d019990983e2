// Makes an accepted image safe to keep: dimensions checked from the header before anything is
// decoded (decompression bombs), then re-encoded by sharp, which drops EXIF and other metadata
// (GPS position, camera serials) after applying the EXIF orientation to the pixels.
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import type { DetectedType } from "../uploads/file-types";

export interface ImageLimits {
  maxDimension: number;
  maxPixels: number;
}

export interface PreparedImage {
  bytes: Uint8Array;
  mime: string;
  width: number | null;
  height: number | null;
  pages: number;
}

function corrupt(): AppError {
  return new AppError("invalid_upload", "The image is truncated or corrupt.");
}

/** PDFs are kept as uploaded (sharp's prebuilt libvips has no PDF reader); only their shape is checked. */
function preparePdf(bytes: Uint8Array): PreparedImage {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  if (!tail.includes("%%EOF")) throw new AppError("invalid_upload", "The PDF is truncated (no end-of-file marker).");
  const pages = Buffer.from(bytes).toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 1;
  return { bytes, mime: "application/pdf", width: null, height: null, pages: Math.max(1, pages) };
}

export async function prepareImage(bytes: Uint8Array, type: DetectedType, limits: ImageLimits): Promise<PreparedImage> {
  if (type.ext === "pdf") return preparePdf(bytes);

  const animated = type.ext === "gif" || type.ext === "webp";
  // Reading the header decodes no pixels, so sharp's own pixel limit is lifted for this call only.
  const metadata = await sharp(bytes, { animated, limitInputPixels: false }).metadata().catch(() => {
    throw corrupt();
  });
  const width = metadata.width ?? 0;
  // For animations sharp reports the whole strip; one frame is pageHeight tall.
  const height = metadata.pageHeight ?? metadata.height ?? 0;
  if (!width || !height) throw corrupt();
  if (width > limits.maxDimension || height > limits.maxDimension || width * height > limits.maxPixels) {
    throw new AppError(
      "payload_too_large",
      `The image is ${width}×${height} pixels; the limit is ${limits.maxDimension} pixels a side and ${limits.maxPixels.toLocaleString("en")} pixels in all.`,
    );
  }

  const input = sharp(bytes, { animated, failOn: "truncated", limitInputPixels: limits.maxPixels * (metadata.pages ?? 1) });
  // Orientation lives in EXIF, which is about to go: bake it into the pixels first (stills only).
  const pipeline = animated ? input : input.rotate();
  const encoded =
    type.ext === "jpg"
      ? pipeline.jpeg({ quality: 90, mozjpeg: true })
      : type.ext === "png"
        ? pipeline.png()
        : type.ext === "webp"
          ? pipeline.webp({ quality: 90 })
          : pipeline.gif();
  const output = await encoded.toBuffer({ resolveWithObject: true }).catch(() => {
    throw corrupt();
  });
  return {
    bytes: new Uint8Array(output.data),
    mime: type.mime,
    width: output.info.width,
    height: output.info.pageHeight ?? output.info.height,
    pages: metadata.pages ?? 1,
  };
}
