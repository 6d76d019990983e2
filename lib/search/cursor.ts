// The search page cursor: which strategy made the page, and the last result's score and id.
// Opaque to clients; a cursor from another strategy is refused rather than misread.
import { AppError } from "@/lib/errors";

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

export function decodeSearchCursor(raw: string): SearchCursor {
  const [strategy, score, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!id || !score || (strategy !== "r" && strategy !== "t") || !/^-?\d{1,20}$/.test(score)) {
    throw new AppError("validation_failed", "cursor: not a cursor from this API.");
  }
  return { strategy: strategy === "r" ? "ranked" : "recent", score: BigInt(score), id };
}
