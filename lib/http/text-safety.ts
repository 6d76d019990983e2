// Strings PostgreSQL cannot store: text columns refuse NUL (U+0000), and a lone UTF-16
// surrogate cannot be encoded as UTF-8. Either one reaching the database is a 500 (or a lost
// chat turn), so every request's strings are checked once, where the request is read.
import { AppError } from "@/lib/errors";

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The path (`messages.2.content`, or `(root)`) of the first string in `value` that cannot be
 * stored, keys included; null when every string can.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "(root)";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, "(a key)"].join(".");
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses a request value holding a string that cannot be stored, naming where it is (422). */
export function assertStorableText(value: unknown): void {
  const unstorable = findUnstorableText(value);
  if (unstorable) {
    throw new AppError("validation_failed", `${unstorable}: contains a NUL character or a broken surrogate pair, which cannot be stored.`);
  }
}
