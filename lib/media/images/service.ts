// Images: upload (type by magic numbers, dimensions capped, EXIF stripped), read, delete, and
// what the chat needs to show one to a model. Every query is scoped to the owner.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { putThenRecord, storageFor } from "@/lib/storage/storage";
import { detectMediaType } from "../uploads/file-types";
import { prepareImage } from "./processing";
import { imageFileUrl, type ImageView } from "./schemas";
import type { ReceivedFile } from "../uploads/read-upload";

const imageSelect = {
  id: true,
  mime: true,
  bytes: true,
  width: true,
  height: true,
  pages: true,
  originalName: true,
  createdAt: true,
} as const;

type ImageRow = Omit<ImageView, "url">;

function toView(row: ImageRow): ImageView {
  return { ...row, url: imageFileUrl(row.id) };
}

export function imageLimits() {
  return { maxBytes: env.UPLOAD_MAX_IMAGE_BYTES, maxDimension: env.IMAGE_MAX_DIMENSION, maxPixels: env.IMAGE_MAX_PIXELS };
}

export async function uploadImage({ userId, file }: { userId: string; file: ReceivedFile }): Promise<ImageView> {
  const limits = imageLimits();
  if (file.bytes.length > limits.maxBytes) throw new AppError("payload_too_large", "The image is over the size limit.");
  const type = await detectMediaType(file.bytes, "image");
  const prepared = await prepareImage(file.bytes, type, limits);
  const input = { owner: userId, name: file.name, bytes: prepared.bytes, contentType: prepared.mime };
  const row = await putThenRecord(input, (stored) =>
    db().image.create({
      data: {
        userId,
        storage: stored.backend,
        storageKey: stored.key,
        mime: prepared.mime,
        bytes: prepared.bytes.length,
        width: prepared.width,
        height: prepared.height,
        pages: prepared.pages,
        originalName: file.name,
        sha256: createHash("sha256").update(prepared.bytes).digest("hex"),
      },
      select: imageSelect,
    }),
  );
  return toView(row);
}

export async function getImageOrThrow({ userId, imageId }: { userId: string; imageId: string }): Promise<ImageView> {
  const row = await db().image.findFirst({ where: { id: imageId, userId }, select: imageSelect });
  if (!row) throw new AppError("not_found", "No such image.");
  return toView(row);
}

/** The stored bytes; a row whose file has gone missing is reported as not found. */
export async function readImageFile({ userId, imageId }: { userId: string; imageId: string }) {
  const row = await db().image.findFirst({
    where: { id: imageId, userId },
    select: { mime: true, storage: true, storageKey: true, originalName: true },
  });
  if (!row) throw new AppError("not_found", "No such image.");
  const bytes = await storageFor(row.storage).get(row.storageKey);
  if (!bytes) throw new AppError("not_found", "The image's file is missing from storage.");
  return { bytes, mime: row.mime, name: row.originalName };
}

/** Removes the row (and its OCR and analyses) first, then the file, so a failure never leaves a row without a file. */
export async function deleteImage({ userId, imageId }: { userId: string; imageId: string }): Promise<void> {
  const row = await db().image.findFirst({ where: { id: imageId, userId }, select: { id: true, storage: true, storageKey: true } });
  if (!row) throw new AppError("not_found", "No such image.");
  await db().image.delete({ where: { id: row.id } });
  await storageFor(row.storage).delete(row.storageKey);
}
