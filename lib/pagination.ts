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

export function decodeCursor(raw: string): TimeCursor {
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw new AppError("validation_failed", "cursor: not a cursor from this API.");
  return { at: date, id };
}

/** The list envelope every paginated route answers: a page of `item` and the cursor of the next. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
  });
}
