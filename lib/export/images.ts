// Attached images for PDF exports. The image is named by a message the caller may read, so it
// is read by id (in a shared project it belongs to the conversation's creator). react-pdf draws
// PNG and JPEG; other types (WebP, GIF) are converted to PNG first.
import "server-only";
import sharp from "sharp";
import { db } from "@/lib/db";
import { storageFor } from "@/lib/storage/storage";
import type { PdfImageLoader } from "./pdf";

export const loadPdfImage: PdfImageLoader = async (imageId) => {
  const image = await db().image.findUnique({ where: { id: imageId }, select: { storage: true, storageKey: true, mime: true } });
  if (!image || image.mime === "application/pdf") return null;
  const bytes = await storageFor(image.storage).get(image.storageKey);
  if (!bytes) return null;
  if (image.mime === "image/png") return { data: Buffer.from(bytes), format: "png" };
  if (image.mime === "image/jpeg") return { data: Buffer.from(bytes), format: "jpg" };
  return { data: await sharp(bytes).png().toBuffer(), format: "png" };
};
