import { APICallError, generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubServer, type StubServer } from "@/e2e/fixtures/stub-openai/server";
import { parseProviderEnv } from "@/lib/env";
import { buildCatalogue, builtInModels, estimateCostUsd, listAvailableModels } from "./catalogue";
import { createLanguageModel, createProviderRegistry, isProviderConfigured } from "./providers";

describe("parseProviderEnv", () => {
  it("pools the unnumbered key first, then numbered keys by number (not by text)", () => {
    const env = parseProviderEnv({
      GROQ_API_KEY_10: "key-ten",
      GROQ_API_KEY_2: "key-two",
      GROQ_API_KEY: "key-plain",
      GROQ_API_KEY_1: "key-one",
    });
    expect(env.providers.groq.apiKeys).toEqual(["key-plain", "key-one", "key-two", "key-ten"]);
  });

  it("keeps each provider's keys apart, even OPENAI_ and OPENAI_COMPATIBLE_", () => {
    const env = parseProviderEnv({
      OPENAI_API_KEY: "sk-openai",
      OPENAI_COMPATIBLE_API_KEY_1: "local-key",
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
      GEMINI_API_KEY_3: "gemini-key",
      HUGGINGFACE_API_KEY_1: "hf_key",
    });
    expect(env.providers.openai.apiKeys).toEqual(["sk-openai"]);
    expect(env.providers.openai_compatible.apiKeys).toEqual(["local-key"]);
    expect(env.providers.gemini.apiKeys).toEqual(["gemini-key"]);
    expect(env.providers.huggingface.apiKeys).toEqual(["hf_key"]);
    expect(env.providers.groq.apiKeys).toEqual([]);
  });

  it("treats empty and blank values as unset, trims keys and drops duplicates", () => {
    const env = parseProviderEnv({
      DEEPSEEK_API_KEY: "",
      DEEPSEEK_API_KEY_1: "   ",
      DEEPSEEK_API_KEY_2: " sk-ds ",
      DEEPSEEK_API_KEY_3: "sk-ds",
      DEEPSEEK_BASE_URL: "",
      OPENAI_COMPATIBLE_BASE_URL: "",
      OPENAI_COMPATIBLE_MODELS: "",
    });
    expect(env.providers.deepseek).toEqual({ apiKeys: ["sk-ds"], baseURL: undefined });
    expect(env.providers.openai_compatible).toEqual({ apiKeys: [], baseURL: undefined });
    expect(env.openaiCompatibleModelIds).toEqual([]);
  });

  it("takes base URL overrides and the OpenAI-compatible model list", () => {
    const env = parseProviderEnv({
      GROQ_BASE_URL: "http://127.0.0.1:4010/v1",
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_COMPATIBLE_MODELS: " llama3.2 , qwen2.5-coder:7b,,",
    });
    expect(env.providers.groq.baseURL).toBe("http://127.0.0.1:4010/v1");
    expect(env.providers.openai.baseURL).toBeUndefined();
    expect(env.openaiCompatibleModelIds).toEqual(["llama3.2", "qwen2.5-coder:7b"]);
  });

  it("names the variable that is malformed", () => {
    expect(() => parseProviderEnv({ OPENROUTER_BASE_URL: "not a url" })).toThrow(/OPENROUTER_BASE_URL/);
    expect(() => parseProviderEnv({ GROQ_API_KEY_2: "two words" })).toThrow(/GROQ_API_KEY_2/);
  });

  it("refuses OpenAI-compatible keys or models without the server's base URL", () => {
    expect(() => parseProviderEnv({ OPENAI_COMPATIBLE_MODELS: "llama3.2" })).toThrow(/OPENAI_COMPATIBLE_BASE_URL/);
    expect(() => parseProviderEnv({ OPENAI_COMPATIBLE_API_KEY: "k" })).toThrow(/OPENAI_COMPATIBLE_BASE_URL/);
  });
});

describe("createProviderRegistry", () => {
  it("uses each provider's public API unless the base URL is overridden", () => {
    const registry = createProviderRegistry(parseProviderEnv({ GROQ_BASE_URL: "http://127.0.0.1:4010/v1" }));
    expect(registry.providers.groq.baseURL).toBe("http://127.0.0.1:4010/v1");
    expect(registry.providers.openai.baseURL).toBe("https://api.openai.com/v1");
    expect(registry.providers.openai_compatible.baseURL).toBeUndefined();
  });

  it("counts a provider as configured with a key, or a self-hosted server with just a base URL", () => {
    const registry = createProviderRegistry(
      parseProviderEnv({ OPENAI_API_KEY: "sk-x", OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1" }),
    );
    expect(isProviderConfigured(registry.providers.openai)).toBe(true);
    expect(isProviderConfigured(registry.providers.openai_compatible)).toBe(true);
    expect(isProviderConfigured(registry.providers.groq)).toBe(false);
  });
});

describe("listAvailableModels", () => {
  it("offers nothing when no provider is configured", () => {
    expect(listAvailableModels(createProviderRegistry(parseProviderEnv({})))).toEqual([]);
  });

  it("offers exactly the models of providers that have a key", () => {
    const registry = createProviderRegistry(parseProviderEnv({ GROQ_API_KEY_1: "gsk-1", DEEPSEEK_API_KEY: "sk-ds" }));
    const available = listAvailableModels(registry);
    expect(new Set(available.map((model) => model.provider))).toEqual(new Set(["groq", "deepseek"]));
    expect(available).toHaveLength(builtInModels.filter((model) => ["groq", "deepseek"].includes(model.provider)).length);
    const ids = available.map((model) => model.id);
    expect(ids).toContain("groq:llama-3.3-70b-versatile");
    expect(ids).not.toContain("openai:gpt-4.1");
  });

  it("adds the OpenAI-compatible server's declared models, free and without tools", () => {
    const registry = createProviderRegistry(
      parseProviderEnv({
        OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_COMPATIBLE_MODELS: "llama3.2:3b",
      }),
    );
    expect(listAvailableModels(registry)).toEqual([
      expect.objectContaining({
        id: "openai_compatible:llama3.2:3b",
        providerModelId: "llama3.2:3b",
        capabilities: { vision: false, tools: false },
        pricePerMillionTokens: { input: 0, output: 0 },
      }),
    ]);
  });
});

describe("catalogue", () => {
  it("has a handful of models for every built-in provider, with unique ids", () => {
    const registry = createProviderRegistry(parseProviderEnv({}));
    const catalogue = buildCatalogue(registry);
    for (const provider of ["groq", "openai", "gemini", "openrouter", "deepseek", "huggingface"]) {
      expect(catalogue.filter((model) => model.provider === provider).length, provider).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(catalogue.map((model) => model.id)).size).toBe(catalogue.length);
  });

  it("estimates cost from the per-million prices", () => {
    const model = builtInModels.find((candidate) => candidate.id === "openai:gpt-4.1")!;
    expect(estimateCostUsd(model, { inputTokens: 1_000_000, outputTokens: 500_000 })).toBeCloseTo(2 + 4);
  });
});

describe("createLanguageModel", () => {
  const registry = createProviderRegistry(
    parseProviderEnv({
      GROQ_API_KEY: "gsk-1",
      OPENAI_API_KEY: "sk-1",
      GEMINI_API_KEY: "g-1",
      OPENROUTER_API_KEY: "or-1",
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
    }),
  );

  it.each([
    ["groq", "groq.chat"],
    ["openai", "openai.chat"],
    ["gemini", "google.generative-ai"],
    ["openrouter", "openrouter.chat"],
  ] as const)("builds a %s chat model bound to the given key", (providerId, sdkProvider) => {
    const model = createLanguageModel({ provider: registry.providers[providerId], providerModelId: "m", apiKey: "k" });
    expect(model).toMatchObject({ provider: sdkProvider, modelId: "m" });
  });

  it("needs a key, except for a self-hosted server", () => {
    expect(() =>
      createLanguageModel({ provider: registry.providers.groq, providerModelId: "m", apiKey: undefined }),
    ).toThrow(/needs an API key/);
    const local = createLanguageModel({
      provider: registry.providers.openai_compatible,
      providerModelId: "llama3.2",
      apiKey: undefined,
    });
    expect(local).toMatchObject({ provider: "openai_compatible.chat", modelId: "llama3.2" });
  });
});

describe("a provider pointed at the stub server", () => {
  let stub: StubServer;

  beforeAll(async () => {
    stub = await startStubServer();
  });

  afterAll(async () => {
    await stub.close();
  });

  function groqAtStub() {
    const registry = createProviderRegistry(parseProviderEnv({ GROQ_API_KEY_1: "gsk-one", GROQ_BASE_URL: stub.baseURL }));
    return registry.providers.groq;
  }

  it.each([
    ["groq", { GROQ_API_KEY: "gsk-1", GROQ_BASE_URL: "STUB" }],
    ["openai", { OPENAI_API_KEY: "sk-1", OPENAI_BASE_URL: "STUB" }],
    ["openrouter", { OPENROUTER_API_KEY: "or-1", OPENROUTER_BASE_URL: "STUB" }],
    ["openai_compatible", { OPENAI_COMPATIBLE_BASE_URL: "STUB" }],
  ] as const)("streams the stub's reply through %s with the pool key, and reports usage", async (providerId, variables) => {
    stub.reset();
    const withStub = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, value === "STUB" ? stub.baseURL : value]));
    const provider = createProviderRegistry(parseProviderEnv(withStub)).providers[providerId];
    const result = streamText({
      model: createLanguageModel({ provider, providerModelId: "stub-fast", apiKey: "key-from-pool" }),
      prompt: "hello stub",
      maxRetries: 0,
    });
    expect(await result.text).toBe("Echo: hello stub");
    expect((await result.usage).outputTokens).toBe(3);
    expect(stub.requests).toEqual([expect.objectContaining({ key: "key-from-pool", model: "stub-fast" })]);
  });

  it("surfaces a 429 as an APICallError carrying the status and retry-after", async () => {
    stub.script({ kind: "status", status: 429, retryAfterSeconds: 2 });
    const failure = await generateText({
      model: createLanguageModel({ provider: groqAtStub(), providerModelId: "stub-fast", apiKey: "gsk-one" }),
      prompt: "hello",
      maxRetries: 0,
    }).catch((error: unknown) => error);
    expect(APICallError.isInstance(failure)).toBe(true);
    const apiError = failure as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.responseHeaders?.["retry-after"]).toBe("2");
  });
});
