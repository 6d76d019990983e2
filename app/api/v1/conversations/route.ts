import { conversationResponse, conversationSummary, createConversationInput, listConversationsQuery } from "@/lib/conversations/schemas";
import { createConversation, listConversations } from "@/lib/conversations/service";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";

export const GET = route(
  {
    auth: "user",
    summary: "My conversations, newest activity first, filtered, cursor-paginated",
    query: listConversationsQuery,
    response: { status: 200, schema: pageOf(conversationSummary) },
  },
  async ({ principal, query }) => Response.json(await listConversations({ userId: principal.userId, ...query })),
);

export const POST = route(
  {
    auth: "user",
    summary: "An empty conversation, optionally in a project",
    body: createConversationInput,
    response: { status: 201, schema: conversationResponse },
  },
  async ({ principal, body }) =>
    Response.json({ conversation: await createConversation({ userId: principal.userId, input: body }) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
