// Local token counting for context pruning. Providers count with their own tokenizers; o200k is
// a close, cheap estimate for all of them, and the provider's reported usage is preferred for
// the ledger whenever it is present.
import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";

/** Role markers and separators every chat format adds around a message. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

export function countTokens(text: string): number {
  return text ? countO200k(text) : 0;
}

export function countMessageTokens(content: string): number {
  return countTokens(content) + MESSAGE_OVERHEAD_TOKENS;
}
