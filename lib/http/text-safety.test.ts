import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText } from "./text-safety";

describe("text PostgreSQL can store", () => {
  it("accepts any well-formed Unicode: RTL, combining marks, emoji (surrogate pairs), controls other than NUL", () => {
    for (const text of ["سلام دنیا", "नमस्ते", "é", "👩‍💻🇵🇰", "tab\tand\nnewline", "\u0001", ""]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("refuses NUL and lone surrogates of either half", () => {
    for (const text of ["a\u0000b", "\uD83D", "x\uD83Dy", "\uDE00", "a\uDE00\uD83D"]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it("names the first offending field in nested JSON, keys included", () => {
    expect(findUnstorableText({ email: "a@b.c", messages: [{ content: "ok" }, { content: "bad\u0000" }] })).toBe("messages.1.content");
    expect(findUnstorableText({ ["k\u0000"]: 1 })).toBe("(a key)");
    expect(findUnstorableText("\uD800")).toBe("(root)");
    expect(findUnstorableText({ n: 1, b: true, nothing: null, list: ["fine"] })).toBeNull();
  });
});
