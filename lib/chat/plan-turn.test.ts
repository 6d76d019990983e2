import { describe, expect, it } from "vitest";
import { createAiRuntime } from "@/lib/ai/runtime";
import { parseProviderEnv } from "@/lib/env";
import { MAX_REPLY_TOKENS, planTurn } from "./plan-turn";

const { models: available } = createAiRuntime(parseProviderEnv({ GROQ_API_KEY: "groq-key" }));
const message = (role: "user" | "assistant", content: string) => ({ id: content, role, content, attachments: null });
const thread = [message("user", "hi"), message("assistant", "hello"), message("user", "how are you")];

describe("planTurn", () => {
  it("sizes the reply by the first candidate, at most MAX_REPLY_TOKENS, and fits the thread beside it", () => {
    const plan = planTurn({ available, thread, system: "Be brief." });
    expect(plan.model).toBe(plan.candidates[0]);
    expect(plan.replyBudget).toBe(Math.min(plan.model!.maxOutputTokens, MAX_REPLY_TOKENS));
    expect(plan.contextWindow).toBe(plan.model!.contextWindow);
    expect(plan.context).toMatchObject({ system: "Be brief.", droppedCount: 0 });
    expect(plan.context.messages).toEqual(thread);
  });

  it("uses the conversation's model when the turn names none, and the turn's own (or auto) when it does", () => {
    const stored = "groq:openai/gpt-oss-120b";
    const auto = planTurn({ available, thread }).model!.id;
    expect(auto).not.toBe(stored);
    expect(planTurn({ available, thread, storedModelId: stored }).model!.id).toBe(stored);
    expect(planTurn({ available, thread, storedModelId: stored, modelId: "groq:llama-3.3-70b-versatile" }).model!.id).toBe(
      "groq:llama-3.3-70b-versatile",
    );
    expect(planTurn({ available, thread, storedModelId: stored, modelId: null }).model!.id).toBe(auto);
  });

  it("falls back to auto for a stored model that is gone, and refuses a named one that is", () => {
    expect(planTurn({ available, thread, storedModelId: "retired:model" }).model!.id).toBe(planTurn({ available, thread }).model!.id);
    expect(() => planTurn({ available, thread, modelId: "retired:model" })).toThrow(/Unknown or unavailable model/);
  });

  it("still plans the memory when no model is configured (the preview), with a default window", () => {
    const plan = planTurn({ available: [], thread });
    expect(plan).toMatchObject({ candidates: [], model: null, vision: false, contextWindow: 8192, replyBudget: MAX_REPLY_TOKENS });
    expect(plan.context.messages).toHaveLength(3);
  });
});
