import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseSearchQuery, plainSnippetText, searchConfigFor, toSnippetParts } from "./query";

describe("parseSearchQuery", () => {
  it("takes operators out and leaves the words in web-search syntax", () => {
    expect(parseSearchQuery('tag:Work "deploy plan" -staging project:"Side Project" model:llama after:2026-01-02 before:2026-02-01 OR rollout')).toEqual({
      text: '"deploy plan" -staging OR rollout',
      tags: ["work"],
      project: "Side Project",
      model: "llama",
      after: new Date("2026-01-02T00:00:00Z"),
      before: new Date("2026-02-01T00:00:00Z"),
    });
  });

  it("keeps several tags, ignores empty operators and leaves unknown ones as words", () => {
    expect(parseSearchQuery("tag:a tag:b tag: foo:bar")).toEqual({ text: "foo:bar", tags: ["a", "b"] });
    expect(parseSearchQuery("retag:x")).toEqual({ text: "retag:x", tags: [] });
  });

  it("refuses dates that are not real YYYY-MM-DD days", () => {
    expect(() => parseSearchQuery("after:2026-02-30")).toThrow(AppError);
    expect(() => parseSearchQuery("before:last-week")).toThrow(/before: needs a date/);
  });
});

describe("searchConfigFor", () => {
  it("uses english for Latin text and simple for other scripts", () => {
    expect(searchConfigFor("machine learning 2026!")).toBe("english");
    expect(searchConfigFor("café résumé")).toBe("english");
    expect(searchConfigFor("پاکستان")).toBe("simple");
    expect(searchConfigFor("नमस्ते")).toBe("simple");
    expect(searchConfigFor("hello مرحبا")).toBe("simple");
  });
});

describe("toSnippetParts", () => {
  it("splits on the highlight markers and merges neighbours", () => {
    expect(toSnippetParts("a \uE000machine\uE001 \uE000learning\uE001 model")).toEqual([
      { text: "a ", highlight: false },
      { text: "machine", highlight: true },
      { text: " ", highlight: false },
      { text: "learning", highlight: true },
      { text: " model", highlight: false },
    ]);
    expect(toSnippetParts("no marks")).toEqual([{ text: "no marks", highlight: false }]);
    expect(toSnippetParts("")).toEqual([]);
  });
});

describe("plainSnippetText", () => {
  it("reads a reply's markdown as the words a person sees", () => {
    const reply = [
      "## Steps",
      "1. Install **Node.js** and run `npm ci`",
      "- [x] read the [guide](https://example.com/guide)",
      "> a _quoted_ line with snake_case_names",
      "| col a | col b |",
      "|---|:---:|",
      "```ts",
      "const x = 1;",
      "```",
    ].join("\n");
    expect(plainSnippetText(reply).trim()).toBe(
      "Steps Install Node.js and run npm ci read the guide a quoted line with snake_case_names col a col b const x = 1;",
    );
  });

  it("keeps the highlight markers where the words are", () => {
    expect(toSnippetParts("use **\uE000pgvector\uE001** with [the \uE000docs\uE001](https://x.example)")).toEqual([
      { text: "use ", highlight: false },
      { text: "pgvector", highlight: true },
      { text: " with the ", highlight: false },
      { text: "docs", highlight: true },
    ]);
  });
});
