import { describe, expect, it } from "vitest";
import { countMessageTokens, countTokens } from "@/lib/ai/tokens";
import { fitContext, type ContextMessage } from "./context";

const message = (id: string, content: string, role: ContextMessage["role"] = "user"): ContextMessage => ({
  id,
  role,
  content,
});

describe("countTokens", () => {
  it("counts English and non-Latin text, and nothing for empty text", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("Hello BaatCheet")).toBeGreaterThan(1);
    expect(countTokens("آپ کیسے ہیں؟")).toBeGreaterThan(2);
  });
});

describe("fitContext", () => {
  const thread = Array.from({ length: 10 }, (_, index) =>
    message(`m${index}`, `message number ${index} `.repeat(20), index % 2 ? "assistant" : "user"),
  );
  const perMessage = countMessageTokens(thread[0]!.content);

  it("keeps everything when it fits", () => {
    const fitted = fitContext(thread, { contextWindow: 100_000, replyBudget: 1000 });
    expect(fitted.messages).toHaveLength(10);
    expect(fitted.droppedCount).toBe(0);
  });

  it("drops the oldest messages first and keeps the newest within window minus reply budget", () => {
    const fitted = fitContext(thread, { contextWindow: perMessage * 4 + 500, replyBudget: 500 });
    expect(fitted.messages.map((m) => m.id)).toEqual(["m6", "m7", "m8", "m9"]);
    expect(fitted.droppedCount).toBe(6);
    expect(fitted.promptTokens).toBeLessThanOrEqual(fitted.budget);
  });

  it("always counts the system prompt and keeps room for it", () => {
    const system = "You are terse. ".repeat(40);
    const withSystem = fitContext(thread, { contextWindow: perMessage * 4 + 500, replyBudget: 500 }, system);
    expect(withSystem.messages.length).toBeLessThan(4);
    expect(withSystem.system).toBe(system);
  });

  it("always keeps the message being answered, even if alone it is over budget", () => {
    const fitted = fitContext([message("old", "hi"), message("huge", "word ".repeat(500))], {
      contextWindow: 100,
      replyBudget: 50,
    });
    expect(fitted.messages.map((m) => m.id)).toEqual(["huge"]);
  });

  it("uses stored token counts instead of re-tokenizing", () => {
    const stored = [
      { ...message("a", "short"), tokenCount: 1000 },
      { ...message("b", "short"), tokenCount: 10 },
    ];
    expect(fitContext(stored, { contextWindow: 500, replyBudget: 100 }).messages.map((m) => m.id)).toEqual(["b"]);
  });
});
