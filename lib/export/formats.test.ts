import { describe, expect, it } from "vitest";
import { readPdf } from "@/lib/testing/pdf-text";
import { conversationToPdf, startsRightToLeft } from "./pdf";
import type { ExportConversation, ExportMessage } from "./schemas";
import { conversationsToJson, conversationToMarkdown, conversationToText, escapeMarkdown, exportFileName, formatExportDate } from "./text-formats";

const exportedAt = new Date("2026-12-02T10:00:00Z");

function message(overrides: Partial<ExportMessage> & Pick<ExportMessage, "id" | "role" | "content">): ExportMessage {
  return { parentId: null, status: "complete", modelId: null, createdAt: new Date("2026-11-30T08:15:30Z"), attachments: [], ...overrides };
}

const conversation: ExportConversation = {
  id: "c1",
  title: "Sorting *fast* #1 [draft]",
  createdAt: new Date("2026-11-30T08:15:00Z"),
  updatedAt: new Date("2026-11-30T08:20:00Z"),
  project: "Algorithms",
  tags: ["code", "study"],
  systemPrompt: null,
  activeLeafId: "m2",
  messages: [
    message({ id: "m1", role: "user", content: "How do I sort a list in Python?" }),
    message({
      id: "m2",
      parentId: "m1",
      role: "assistant",
      modelId: "llama-3.3-70b",
      createdAt: new Date("2026-11-30T08:16:05Z"),
      content: "Use `sorted`:\n\n```python\nprint(sorted([3, 1, 2]))\n```\n\n| n | square |\n|---|---|\n| 2 | 4 |\n\n- one\n- two",
    }),
  ],
};

describe("formatExportDate", () => {
  it("writes UTC to the minute whatever the server's zone", () => {
    expect(formatExportDate(new Date("2026-11-30T08:16:59.900Z"))).toBe("2026-11-30 08:16 UTC");
  });
});

describe("escapeMarkdown", () => {
  it("escapes characters that would format, and joins lines", () => {
    expect(escapeMarkdown("a *b* _c_ `d` [e] <f> | #g ~h\\")).toBe("a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] \\<f\\> \\| \\#g \\~h\\\\");
    expect(escapeMarkdown("two\nlines")).toBe("two lines");
    expect(escapeMarkdown("gpt-4o.mini")).toBe("gpt-4o.mini");
  });
});

describe("conversationToMarkdown", () => {
  const markdown = conversationToMarkdown(conversation, exportedAt);

  it("starts with the escaped title, dates, project and tags", () => {
    expect(markdown.split("\n").slice(0, 6)).toEqual([
      "# Sorting \\*fast\\* \\#1 \\[draft\\]",
      "",
      "- Created: 2026-11-30 08:15 UTC",
      "- Exported: 2026-12-02 10:00 UTC",
      "- Project: Algorithms",
      "- Tags: code, study",
    ]);
  });

  it("names the author of each message, the model of each reply and its time", () => {
    expect(markdown).toContain("### You · 2026-11-30 08:15 UTC\n\nHow do I sort a list in Python?");
    expect(markdown).toContain("### Assistant (llama-3.3-70b) · 2026-11-30 08:16 UTC");
  });

  it("keeps message Markdown as written, code blocks intact", () => {
    expect(markdown).toContain("```python\nprint(sorted([3, 1, 2]))\n```");
    expect(markdown).toContain("Use `sorted`:");
    expect(markdown.endsWith("- two\n")).toBe(true);
  });

  it("notes attachments and cut-short replies", () => {
    const withExtras = conversationToMarkdown(
      {
        ...conversation,
        messages: [
          message({ id: "u", role: "user", content: "What is this?", attachments: [{ imageId: "i1", name: "cat_photo.png", mime: "image/png" }] }),
          message({ id: "a", role: "assistant", content: "A ca", status: "incomplete", modelId: "stub" }),
        ],
      },
      exportedAt,
    );
    expect(withExtras).toContain("- Attached image: cat\\_photo.png\n\nWhat is this?");
    expect(withExtras).toContain("### Assistant (stub) · 2026-11-30 08:15 UTC (reply cut short)");
  });
});

describe("conversationToText", () => {
  it("is plain: the title underlined, authors in brackets, content unescaped", () => {
    const text = conversationToText(conversation, exportedAt);
    expect(text.startsWith("Sorting *fast* #1 [draft]\n=========================\n\nCreated: 2026-11-30 08:15 UTC\n")).toBe(true);
    expect(text).toContain("[You · 2026-11-30 08:15 UTC]\nHow do I sort a list in Python?");
    expect(text).toContain("[Assistant (llama-3.3-70b) · 2026-11-30 08:16 UTC]\nUse `sorted`:");
  });
});

describe("conversationsToJson", () => {
  it("is a versioned document with ISO dates and the tree links of each message", () => {
    const document = JSON.parse(conversationsToJson([conversation], { exportedAt, branches: "active" }));
    expect(document).toMatchObject({ format: "baatcheet.export", version: 1, exportedAt: "2026-12-02T10:00:00.000Z", branches: "active" });
    expect(document.conversations[0]).toMatchObject({ id: "c1", title: conversation.title, tags: ["code", "study"], activeLeafId: "m2" });
    expect(document.conversations[0].messages[1]).toMatchObject({ id: "m2", parentId: "m1", modelId: "llama-3.3-70b", createdAt: "2026-11-30T08:16:05.000Z" });
  });
});

describe("exportFileName", () => {
  it("keeps letters of any script and replaces the rest", () => {
    expect(exportFileName("Sorting *fast* #1 [draft]", "md")).toBe("Sorting-fast-1-draft.md");
    expect(exportFileName("اردو میں سوال", "pdf")).toBe("اردو-میں-سوال.pdf");
    expect(exportFileName("***", "txt")).toBe("conversation.txt");
  });
});

describe("startsRightToLeft", () => {
  it("goes by the first letter with a direction", () => {
    expect(startsRightToLeft("1. مرحبا hello")).toBe(true);
    expect(startsRightToLeft("hello مرحبا")).toBe(false);
    expect(startsRightToLeft("नमस्ते")).toBe(false);
  });
});

describe("conversationToPdf", () => {
  it("renders title, authors with models, Markdown, Arabic and Hindi text, and page numbers", async () => {
    const pdf = await conversationToPdf(
      {
        ...conversation,
        messages: [
          ...conversation.messages,
          message({ id: "m3", role: "user", content: "مرحبا بالعالم\n\nनमस्ते दुनिया" }),
        ],
      },
      { exportedAt, loadImage: async () => null },
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await readPdf(pdf);
    expect(pages).toBe(1);
    const all = text.join("\n");
    expect(all).toContain("Sorting *fast* #1 [draft]");
    expect(all).toContain("Assistant (llama-3.3-70b) · 2026-11-30 08:16 UTC");
    expect(all).toContain("print(sorted([3, 1, 2]))");
    expect(all).toContain("square");
    expect(all).toContain("1 / 1");
    // Extracted in visual order: Arabic words right to left, Devanagari's pre-base vowel signs
    // before their consonant; each word below reads the same either way.
    expect(all).toContain("मस्ते");
    expect(all).toContain("مرحبا");
    expect(all).toContain("العالم");
  });

  it("breaks a long conversation across numbered pages", async () => {
    const long = Array.from({ length: 40 }, (_, index) =>
      message({ id: `m${index}`, role: index % 2 ? "assistant" : "user", content: `Paragraph ${index}. ${"words ".repeat(60)}` }),
    );
    const { pages, text } = await readPdf(await conversationToPdf({ ...conversation, messages: long }, { exportedAt, loadImage: async () => null }));
    expect(pages).toBeGreaterThan(2);
    expect(text.at(-1)).toContain(`${pages} / ${pages}`);
    expect(text.join("\n")).toContain("Paragraph 39");
  });
});
