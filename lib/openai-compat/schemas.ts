// The OpenAI Chat Completions wire format, as much of it as BaatCheet serves: text messages,
// streaming or not, usage. Fields OpenAI defines that change the answer but are not served here
// (tools, JSON mode, several choices, log probabilities, sampling knobs the router does not
// pass on) are refused with a 400 naming the field, unless their value changes nothing; ignoring
// them would answer a different question. Fields that change nothing (`user`, `seed`,
// `metadata`) and fields OpenAI does not define are ignored, as OpenAI-compatible servers do.
import { z } from "zod";
import { refusedWith, unsupportedUnless } from "@/lib/http/unsupported";

const NO_TOOLS = "function calling is not supported here; send text messages without tools (replies are text only)";

const textPart = z.object({ type: z.literal("text"), text: z.string() });

const content = z
  .union([z.string(), z.array(textPart).min(1)])
  .describe("Text, or an array of `{ type: \"text\", text }` parts (images and audio are not supported here)");

export const openAiMessage = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content, name: z.string().optional() }),
  z.object({ role: z.literal("developer"), content, name: z.string().optional() }),
  z.object({ role: z.literal("user"), content, name: z.string().optional() }),
  z.object({
    role: z.literal("assistant"),
    content,
    name: z.string().optional(),
    tool_calls: unsupportedUnless(z.array(z.unknown()).max(0), NO_TOOLS),
    function_call: unsupportedUnless(z.never(), NO_TOOLS),
  }),
  // A tool result only follows a tool call, which this endpoint never makes.
  z
    .object({ role: z.enum(["tool", "function"]) })
    .describe("Refused (400 `unsupported_parameter`): there are no tool calls to answer")
    .transform(refusedWith(`\`tool\` and \`function\` messages: ${NO_TOOLS}`, "role")),
]);
export type OpenAiMessage = z.infer<typeof openAiMessage>;

export const chatCompletionRequest = z
  .object({
    model: z
      .string()
      .min(1)
      .max(200)
      .describe("`auto` (BaatCheet picks by the last message), a catalogue id from GET /api/v1/models (`groq:llama-3.3-70b-versatile`), or a provider's own model id (`llama-3.3-70b-versatile`)"),
    messages: z.array(openAiMessage).min(1).max(500).describe("The conversation so far, oldest first"),
    stream: z.boolean().default(false).describe("Server-sent events of `chat.completion.chunk`, ending with `data: [DONE]`"),
    stream_options: z
      .object({ include_usage: z.boolean().optional() })
      .optional()
      .describe("With include_usage, a last chunk (empty choices) carries the usage"),
    temperature: z.number().min(0).max(2).optional(),
    max_tokens: z.int().positive().max(1_000_000).optional().describe("Longest reply in tokens"),
    max_completion_tokens: z.int().positive().max(1_000_000).optional().describe("Same as max_tokens (the newer name)"),
    n: unsupportedUnless(z.literal(1), "only one choice (`n: 1`) is supported"),
    tools: unsupportedUnless(z.array(z.unknown()).max(0), NO_TOOLS),
    tool_choice: unsupportedUnless(z.literal("none"), NO_TOOLS),
    functions: unsupportedUnless(z.array(z.unknown()).max(0), NO_TOOLS),
    function_call: unsupportedUnless(z.literal("none"), NO_TOOLS),
    parallel_tool_calls: z.boolean().optional().describe("Accepted and ignored: there are no tool calls"),
    response_format: unsupportedUnless(
      z.object({ type: z.literal("text") }),
      'only `{ "type": "text" }`; JSON mode and structured outputs are not supported',
    ),
    logprobs: unsupportedUnless(z.literal(false), "log probabilities are not returned; send `logprobs: false` or omit it"),
    top_logprobs: unsupportedUnless(z.literal(0), "log probabilities are not returned"),
    stop: unsupportedUnless(z.array(z.unknown()).max(0), "stop sequences are not supported; omit `stop`"),
    top_p: unsupportedUnless(z.literal(1), "nucleus sampling is not adjustable; use `temperature`"),
    presence_penalty: unsupportedUnless(z.literal(0), "penalties are not supported; omit them"),
    frequency_penalty: unsupportedUnless(z.literal(0), "penalties are not supported; omit them"),
    logit_bias: unsupportedUnless(z.strictObject({}), "logit bias is not supported; omit it"),
    modalities: unsupportedUnless(z.tuple([z.literal("text")]), 'only text replies (`["text"]`)'),
    audio: unsupportedUnless(z.never(), "audio replies are not supported; use /api/v1/audio"),
    prediction: unsupportedUnless(z.never(), "predicted outputs are not supported"),
    seed: z.int().optional().describe("Accepted; the providers behind BaatCheet do not promise determinism"),
    user: z.string().max(200).optional(),
  })
  .describe("An OpenAI-compatible chat completion request");
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequest>;

const usage = z.object({ prompt_tokens: z.int(), completion_tokens: z.int(), total_tokens: z.int() });

export const chatCompletion = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.int().describe("Unix seconds"),
    model: z.string().describe("The catalogue id of the model that answered"),
    choices: z.array(
      z.object({
        index: z.int(),
        message: z.object({ role: z.literal("assistant"), content: z.string(), refusal: z.null() }),
        finish_reason: z.enum(["stop", "length"]),
        logprobs: z.null(),
      }),
    ),
    usage,
  })
  .describe("A chat completion (non-streaming)");
export type ChatCompletion = z.infer<typeof chatCompletion>;

export const chatCompletionChunk = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.int(),
        delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
        finish_reason: z.enum(["stop", "length"]).nullable(),
        logprobs: z.null(),
      }),
    ),
    usage: usage.nullable().optional(),
  })
  .describe("One server-sent event of a streaming completion");
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunk>;

export const openAiModelList = z
  .object({
    object: z.literal("list"),
    data: z.array(
      z.object({
        id: z.string().describe("Pass as `model`; `auto` lets BaatCheet choose"),
        object: z.literal("model"),
        created: z.int(),
        owned_by: z.string().describe("The provider"),
      }),
    ),
  })
  .describe("Models available for chat completions (OpenAI format)");
export type OpenAiModelList = z.infer<typeof openAiModelList>;
