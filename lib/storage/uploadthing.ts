// Uploads on Uploadthing through its server SDK (UTApi). Files are uploaded private
// (`acl: "private"`, which the Uploadthing app must allow) and read back through short-lived
// signed URLs, never handed to the browser: our routes check ownership and stream the bytes.
import { UTApi, UTFile } from "uploadthing/server";
import type { Storage } from "./storage";

const SIGNED_URL_SECONDS = 60;

export function createUploadthingStorage({ token, fetch = globalThis.fetch }: { token: string; fetch?: typeof globalThis.fetch }): Storage {
  const api = new UTApi({ token, fetch, logLevel: "Error" });

  return {
    backend: "uploadthing",

    async put({ name, bytes, contentType }) {
      const file = new UTFile([new Uint8Array(bytes)], name, { type: contentType });
      const result = await api.uploadFiles(file, { acl: "private" });
      if (result.error) throw new Error(`Uploadthing refused the upload: ${result.error.message}`);
      return { backend: "uploadthing", key: result.data.key };
    },

    async get(key) {
      const { ufsUrl } = await api.generateSignedURL(key, { expiresIn: SIGNED_URL_SECONDS });
      const response = await fetch(ufsUrl);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`Uploadthing answered ${response.status} for a stored file.`);
      return new Uint8Array(await response.arrayBuffer());
    },

    async delete(key) {
      const result = await api.deleteFiles(key);
      if (!result.success) throw new Error("Uploadthing could not delete a stored file.");
    },
  };
}
