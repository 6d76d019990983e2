// The search page cursor: which strategy made the page, and the last result's score and id.
// Opaque to clients; a cursor from another strategy is refused rather than misread.
import { AppError } from "@/lib/errors";
import { CURSOR_ID } from "@/lib/pagination";

/** `ranked`: ordered by relevance; `recent`: by last activity (common words, or operators only). */
export type Strategy = "ranked" | "recent";

export interface SearchCursor {
  strategy: Strategy;
  /** Relevance ×1e6 (ranked) or last activity in epoch ms (recent). */
  score: bigint;
  id: string;
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(`${cursor.strategy === "ranked" ? "r" : "t"}|${cursor.score}|${cursor.id}`).toString("base64url");
}

/** 9999-12-31T23:59:59.999Z, the last instant PostgreSQL and Prisma both write with a four-digit year. */
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function decodeSearchCursor(raw: string): SearchCursor {
  const [strategy, score = "", id = "", ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  // Scores are never negative, and a `recent` score becomes a timestamp: past year 9999 it is an
  // Invalid Date or a value PostgreSQL refuses, so such a cursor is refused here instead.
  const valid =
    !rest.length &&
    CURSOR_ID.test(id) &&
    (strategy === "r" || strategy === "t") &&
    /^\d{1,18}$/.test(score) &&
    (strategy === "r" || Number(score) <= LATEST_INSTANT_MS);
  if (!valid) throw new AppError("validation_failed", "cursor: not a cursor from this API.");
  return { strategy: strategy === "r" ? "ranked" : "recent", score: BigInt(score), id };
}
