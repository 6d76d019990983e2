// Keyset pagination: an opaque cursor holding the sort key of the last row returned, so a page
// costs the same at row 20 and at row 20,000 and rows inserted meanwhile never shift the pages.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Rows per page, 1–100"),
  cursor: z.string().max(200).optional().describe("`nextCursor` from the previous page"),
});

export interface TimeCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: TimeCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

/** What encodeCursor writes: a four-digit-year ISO instant (PostgreSQL refuses years past 9999 and before 1) and a row id. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function decodeCursor(raw: string): TimeCursor {
  const [at = "", id = "", ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const date = new Date(at);
  // Anything encodeCursor could not have written is refused here, before it reaches a query.
  if (rest.length || !CURSOR_ID.test(id) || !CURSOR_INSTANT.test(at) || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1) {
    throw new AppError("validation_failed", "cursor: not a cursor from this API.");
  }
  return { at: date, id };
}

/** The list envelope every paginated route answers: a page of `item` and the cursor of the next. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
  });
}
