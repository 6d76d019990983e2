// Multipart uploads with upload progress (fetch cannot report it, XMLHttpRequest can). Errors
// come back as ApiError, like every other call through lib/http/client.ts.
import { ApiError } from "@/components/api/fetcher";
import type { ErrorBody } from "@/lib/errors";

export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  options: { fileName?: string; fields?: Record<string, string | undefined>; onProgress?: (percent: number) => void } = {},
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) if (value) form.set(name, value);
  form.set("file", file, options.fileName ?? (file instanceof File ? file.name : "upload"));
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.withCredentials = true;
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new ApiError("network_error", "Could not reach BaatCheet. Check your connection and try again.", 0));
    request.onload = () => {
      let data: unknown;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (request.status >= 200 && request.status < 300) return resolve(data as T);
      const error = (data as Partial<ErrorBody> | undefined)?.error;
      reject(new ApiError(error?.code ?? "internal_error", error?.message ?? `Upload failed (${request.status}).`, request.status));
    };
    request.send(form);
  });
}
