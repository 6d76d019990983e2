// Request and response schemas per operation, keyed `METHOD /path`. Operations without an entry
// are still documented (summary, auth, path parameters and the error responses every route has).
import type { z } from "zod";
import {
  apiKeyList,
  apiKeyUsage,
  apiKeyUsageQuery,
  apiKeyView,
  createApiKeyInput,
  createdApiKey,
  rotateApiKeyInput,
  updateApiKeyInput,
} from "@/lib/api-keys/schemas";
import {
  changePasswordInput,
  emailOnlyInput,
  loginInput,
  publicUser,
  registerInput,
  resetPasswordInput,
  verifyEmailInput,
} from "@/lib/auth/schemas";
import { catalogueModelSchema } from "@/lib/ai/catalogue";
import { chatRequestInput, chatSettingsInput, conversationView } from "@/lib/chat/schemas";
import { paginationQuery } from "@/lib/pagination";
import { chatCompletion, chatCompletionRequest, openAiModelList } from "@/lib/openai-compat/schemas";
import { z as zod } from "zod";

export interface OperationDetails {
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and its body; `stream` marks a text/event-stream answer. */
  response?: { status: number; schema?: z.ZodType; description?: string; stream?: boolean };
  /** Overrides the default permission (read for GET, write otherwise). */
  scope?: "read" | "write";
  tag?: string;
}

const userEnvelope = zod.object({ user: publicUser });

export const operationDetails: Record<string, OperationDetails> = {
  "GET /api/v1/api-keys": { query: paginationQuery, response: { status: 200, schema: apiKeyList.extend({ nextCursor: zod.string().nullable() }) } },
  "POST /api/v1/api-keys": { body: createApiKeyInput, response: { status: 201, schema: createdApiKey } },
  "GET /api/v1/api-keys/{id}": { response: { status: 200, schema: apiKeyView } },
  "PUT /api/v1/api-keys/{id}": { body: updateApiKeyInput, response: { status: 200, schema: apiKeyView } },
  "DELETE /api/v1/api-keys/{id}": { response: { status: 200, schema: apiKeyView, description: "The revoked key" } },
  "POST /api/v1/api-keys/{id}/rotate": { body: rotateApiKeyInput, response: { status: 200, schema: createdApiKey } },
  "GET /api/v1/api-keys/{id}/usage": { query: apiKeyUsageQuery, response: { status: 200, schema: apiKeyUsage } },

  "POST /api/v1/chat/completions": {
    tag: "openai-compatible",
    body: chatCompletionRequest,
    response: {
      status: 200,
      schema: chatCompletion,
      description: "A `chat.completion`; with `stream: true`, server-sent `chat.completion.chunk` events ending in `data: [DONE]`",
    },
  },
  "GET /api/v1/models": { tag: "openai-compatible", response: { status: 200, schema: openAiModelList } },

  "POST /api/v1/chat": {
    body: chatRequestInput,
    response: { status: 200, stream: true, description: "An AI SDK UI message stream (SSE); the conversation id is in X-Conversation-Id" },
  },
  "GET /api/v1/chat/{id}": { response: { status: 200, schema: conversationView } },
  "PATCH /api/v1/chat/{id}": { body: chatSettingsInput },
  "GET /api/v1/chat/models": { response: { status: 200, schema: zod.object({ models: zod.array(catalogueModelSchema) }) } },

  "POST /api/v1/auth/register": { body: registerInput, response: { status: 201, schema: userEnvelope } },
  "POST /api/v1/auth/login": { body: loginInput, response: { status: 200, schema: userEnvelope } },
  "POST /api/v1/auth/login/code": { body: emailOnlyInput },
  "POST /api/v1/auth/verify-email": { body: verifyEmailInput },
  "POST /api/v1/auth/verify-email/resend": { body: emailOnlyInput },
  "POST /api/v1/auth/password/forgot": { body: emailOnlyInput },
  "POST /api/v1/auth/password/reset": { body: resetPasswordInput },
  "POST /api/v1/auth/password/change": { body: changePasswordInput },
  "GET /api/v1/auth/me": { response: { status: 200, schema: userEnvelope } },
};
