// The router talks to providers through the AI SDK's provider interface (`doStream`) rather than
// `streamText`: a gateway needs the raw stream, and `streamText`'s prompt validation and stream
// plumbing cost ~1.5 ms before the request and more per chunk (measured: e2e/bench). This turns
// the messages the app builds into the provider prompt that `streamText` would have made.
import type { LanguageModelV3Message, LanguageModelV3Prompt } from "@ai-sdk/provider";
import type { DataContent, ModelMessage } from "ai";

type UserPart = Extract<LanguageModelV3Message, { role: "user" }>["content"][number];

function userParts(content: Extract<ModelMessage, { role: "user" }>["content"]): UserPart[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return content.map((part): UserPart => {
    switch (part.type) {
      case "text":
        return { type: "text", text: part.text };
      case "image":
        return { type: "file", data: asData(part.image), mediaType: part.mediaType ?? "image/*" };
      case "file":
        return { type: "file", data: asData(part.data), mediaType: part.mediaType, filename: part.filename };
    }
  });
}

/** Bytes, base64 or a URL, as the provider interface takes them. */
function asData(data: DataContent | URL): Uint8Array | string | URL {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

function textOf(content: Extract<ModelMessage, { role: "assistant" }>["content"]): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/**
 * The provider prompt for a system prompt and chat messages. Supports what the app sends: text,
 * and images or files on user messages. Tool messages never occur (the app defines no tools).
 */
export function toProviderPrompt(system: string | undefined, messages: ModelMessage[]): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = system ? [{ role: "system", content: system }] : [];
  for (const message of messages) {
    switch (message.role) {
      case "system":
        prompt.push({ role: "system", content: message.content });
        break;
      case "user":
        prompt.push({ role: "user", content: userParts(message.content) });
        break;
      case "assistant":
        prompt.push({ role: "assistant", content: [{ type: "text", text: textOf(message.content) }] });
        break;
      case "tool":
        throw new Error("Tool messages are not supported.");
    }
  }
  return prompt;
}
