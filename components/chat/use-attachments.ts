// Images waiting in the composer: each uploads as soon as it is picked (with progress), so a
// send only has to name the stored images. The server decides the real type by magic numbers
// and its refusals are shown on the image they concern.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/api/fetcher";
import { MAX_CHAT_IMAGES } from "@/lib/chat/schemas";
import type { ImageView } from "@/lib/media/images/schemas";
import type { Jsonified } from "@/lib/jsonified";
import { uploadWithProgress } from "@/components/media/upload-request";

export interface PendingAttachment {
  /** Local key, stable from the moment the file is picked. */
  key: string;
  name: string;
  /** An object URL of the picked file, for the thumbnail. */
  previewUrl: string;
  state: "uploading" | "ready" | "failed";
  progress: number;
  image?: Jsonified<ImageView>;
  error?: string;
}

let counter = 0;

export function useAttachments() {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const urls = useRef(new Set<string>());

  const update = useCallback((key: string, patch: Partial<PendingAttachment>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  // Object URLs hold the file in memory until revoked.
  useEffect(() => {
    const held = urls.current;
    return () => held.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const images = files.filter((file) => file.type === "" || file.type.startsWith("image/"));
      const room = MAX_CHAT_IMAGES - items.length;
      setNotice(
        images.length < files.length
          ? "Only images (JPG, PNG, WebP, GIF) and audio files can be attached."
          : images.length > room
            ? `A message can carry at most ${MAX_CHAT_IMAGES} images.`
            : null,
      );
      for (const file of images.slice(0, Math.max(0, room))) {
        counter += 1;
        const key = `attachment-${counter}`;
        const previewUrl = URL.createObjectURL(file);
        urls.current.add(previewUrl);
        setItems((current) => [...current, { key, name: file.name || "image", previewUrl, state: "uploading", progress: 0 }]);
        uploadWithProgress<{ image: Jsonified<ImageView> }>("/api/v1/images/upload", file, { onProgress: (progress) => update(key, { progress }) })
          .then(({ image }) => update(key, { state: "ready", progress: 100, image }))
          .catch((error: unknown) =>
            update(key, { state: "failed", error: error instanceof ApiError ? error.message : "The upload failed. Try again." }),
          );
      }
    },
    [items.length, update],
  );

  const remove = useCallback((key: string) => {
    setItems((current) => {
      const item = current.find((each) => each.key === key);
      if (item) {
        URL.revokeObjectURL(item.previewUrl);
        urls.current.delete(item.previewUrl);
      }
      return current.filter((each) => each.key !== key);
    });
    setNotice(null);
  }, []);

  /** Empties the tray after a send; the thumbnails now live in the sent message. */
  const clear = useCallback(() => {
    urls.current.forEach((url) => URL.revokeObjectURL(url));
    urls.current.clear();
    setItems([]);
    setNotice(null);
  }, []);

  const ready = items.flatMap((item) => (item.state === "ready" && item.image ? [item.image] : []));
  return {
    items,
    notice,
    ready,
    uploading: items.some((item) => item.state === "uploading"),
    failed: items.some((item) => item.state === "failed"),
    add,
    remove,
    clear,
  };
}

export type Attachments = ReturnType<typeof useAttachments>;
