import { describe, expect, it } from "vitest";
import { builtInModels, type CatalogueModel } from "./catalogue";
import { classifyMessage, rankModels, selectCandidates } from "./model-selection";

const model = (id: string, tier: CatalogueModel["tier"], categories: CatalogueModel["categories"]): CatalogueModel => ({
  ...builtInModels[0]!,
  id: `openai_compatible:${id}`,
  provider: "openai_compatible",
  providerModelId: id,
  displayName: id,
  tier,
  categories,
});

const fast = model("fast", "fast", ["general"]);
const coder = model("coder", "balanced", ["coding"]);
const deep = model("deep", "quality", ["research", "writing"]);
const available = [fast, coder, deep];

describe("classifyMessage", () => {
  it("reads code as a coding request", () => {
    expect(classifyMessage("Why does this throw?\n```ts\nconst x: number = 'a';\n```").category).toBe("coding");
    expect(classifyMessage("refactor this python function please").category).toBe("coding");
  });

  it("reads long or analytical requests as needing quality", () => {
    expect(classifyMessage("Compare the economic policies of two countries, step by step").tier).toBe("quality");
    expect(classifyMessage("word ".repeat(400)).tier).toBe("quality");
  });

  it("reads a short chat message as fast", () => {
    expect(classifyMessage("hi, how are you?")).toEqual({ category: "general", tier: "fast" });
  });
});

describe("selectCandidates", () => {
  it("auto mode puts the best fit first and keeps the rest as failover", () => {
    expect(selectCandidates({ available, text: "fix this bug: TypeError in my javascript" })[0]).toBe(coder);
    expect(selectCandidates({ available, text: "analyze the pros and cons of remote work" })[0]).toBe(deep);
    expect(selectCandidates({ available, text: "hello" })[0]).toBe(fast);
    expect(selectCandidates({ available, text: "hello" })).toHaveLength(3);
  });

  it("manual mode starts with the chosen model, then equivalents", () => {
    const candidates = selectCandidates({ available, text: "hello", modelId: deep.id });
    expect(candidates[0]).toBe(deep);
    expect(candidates).toHaveLength(3);
  });

  it("with images, auto mode keeps only models that see them, when there are any", () => {
    const eyes = { ...model("eyes", "balanced", ["general"]), capabilities: { vision: true, tools: false } };
    const blind = available.map((entry) => ({ ...entry, capabilities: { vision: false, tools: false } }));
    expect(selectCandidates({ available: [...blind, eyes], text: "hello", images: true })).toEqual([eyes]);
    // No vision model at all: every model answers from the text read out of the image.
    expect(selectCandidates({ available: blind, text: "hello", images: true })).toHaveLength(3);
    // A text-only model picked by hand keeps its place; a vision model picked by hand fails over to vision models only.
    expect(selectCandidates({ available: [...blind, eyes], text: "hi", images: true, modelId: blind[2]!.id })[0]).toBe(blind[2]);
    expect(selectCandidates({ available: [...blind, eyes], text: "hi", images: true, modelId: eyes.id })).toEqual([eyes]);
  });

  it("refuses an unknown model and says where to look", () => {
    expect(() => selectCandidates({ available, text: "hi", modelId: "nope:x" })).toThrow(/GET \/api\/v1\/chat\/models/);
  });

  it("says how to add a provider when none is configured", () => {
    expect(() => selectCandidates({ available: [], text: "hi" })).toThrow(/GROQ_API_KEY/);
  });

  it("keeps catalogue order between equally good fits", () => {
    const twins = [model("a", "fast", ["general"]), model("b", "fast", ["general"])];
    expect(rankModels(twins, { category: "general", tier: "fast" }).map((m) => m.providerModelId)).toEqual(["a", "b"]);
  });
});
