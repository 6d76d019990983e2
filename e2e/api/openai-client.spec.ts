// The official `openai` npm client against the running app, with a BaatCheet API key created
// through the API: only the base URL changes. The app routes to the stub provider.
import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { signUpThroughApi } from "../fixtures/api-account";

test("the openai client works against BaatCheet with an API key, streaming and not", async ({ request, baseURL }) => {
  await signUpThroughApi(request, "openai-client");
  const created = await request.post("/api/v1/api-keys", { data: { name: "openai client", permissions: ["read", "write"] } });
  expect(created.status()).toBe(201);
  const { secret, apiKey } = await created.json();
  expect(secret).toMatch(/^bc_/);

  const client = new OpenAI({ apiKey: secret, baseURL: `${baseURL}/api/v1`, maxRetries: 0 });

  const models = await client.models.list();
  const ids = models.data.map((model) => model.id);
  expect(ids).toContain("auto");
  expect(ids).toContain("openai_compatible:stub-fast");

  const completion = await client.chat.completions.create({
    model: "stub-fast",
    messages: [{ role: "user", content: "hello from the openai client" }],
  });
  expect(completion.choices[0]!.message.content).toBe("Echo: hello from the openai client");
  expect(completion.model).toBe("openai_compatible:stub-fast");
  expect(completion.usage!.total_tokens).toBeGreaterThan(0);

  const stream = await client.chat.completions.create({
    model: "auto",
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: "user", content: "stream it" }],
  });
  let text = "";
  let chunks = 0;
  let totalTokens = 0;
  for await (const chunk of stream) {
    chunks += 1;
    text += chunk.choices[0]?.delta.content ?? "";
    if (chunk.usage) totalTokens = chunk.usage.total_tokens;
  }
  expect(text).toBe("Echo: stream it");
  expect(chunks).toBeGreaterThan(2);
  expect(totalTokens).toBeGreaterThan(0);

  // The calls show on the key, and a bad key is the client's AuthenticationError.
  const usage = await (await request.get(`/api/v1/api-keys/${apiKey.id}/usage?days=1`)).json();
  expect(usage.days[0].calls).toBeGreaterThanOrEqual(2);
  const bad = new OpenAI({ apiKey: "bc_not-a-real-key", baseURL: `${baseURL}/api/v1`, maxRetries: 0 });
  await expect(bad.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("the openai client raises its own error classes for OpenAI-shaped errors", async ({ request, baseURL }) => {
  await signUpThroughApi(request, "openai-errors");
  const created = await request.post("/api/v1/api-keys", { data: { name: "openai errors", permissions: ["read", "write"] } });
  const { secret } = await created.json();
  const client = new OpenAI({ apiKey: secret, baseURL: `${baseURL}/api/v1`, maxRetries: 0 });
  const messages = [{ role: "user" as const, content: "hi" }];

  const unknown = await client.chat.completions.create({ model: "gpt-17", messages }).catch((error: unknown) => error);
  expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
  expect(unknown).toMatchObject({ status: 404, type: "not_found_error", code: "model_not_found", param: "model" });

  const empty = await client.chat.completions.create({ model: "auto", messages: [] }).catch((error: unknown) => error);
  expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
  expect(empty).toMatchObject({ status: 400, type: "invalid_request_error", param: "messages" });

  const tools = await client.chat.completions
    .create({ model: "auto", messages, tools: [{ type: "function", function: { name: "get_weather", parameters: {} } }] })
    .catch((error: unknown) => error);
  expect(tools).toBeInstanceOf(OpenAI.BadRequestError);
  expect(tools).toMatchObject({ code: "unsupported_parameter", param: "tools" });
  expect((tools as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("function calling is not supported");
});
