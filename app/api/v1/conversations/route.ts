import { conversationResponse, conversationSummary, createConversationInput, listConversationsQuery } from "@/lib/conversations/schemas";
import { createConversation, listConversations } from "@/lib/conversations/service";
import { methodsNotAllowed, route } from "@/lib/http/route";
import { pageOf } from "@/lib/pagination";
import { requestWorkspace } from "@/lib/workspaces/current";

export const GET = route(
  {
    auth: "user",
    summary: "My conversations, newest activity first, filtered, cursor-paginated",
    query: listConversationsQuery,
    response: { status: 200, schema: pageOf(conversationSummary) },
  },
  async ({ req, principal, query }) => Response.json(await listConversations({ ...(await requestWorkspace(req, principal.userId)), ...query })),
);

export const POST = route(
  {
    auth: "user",
    summary: "An empty conversation, optionally in a project",
    body: createConversationInput,
    response: { status: 201, schema: conversationResponse },
  },
  async ({ req, principal, body }) =>
    Response.json({ conversation: await createConversation({ ...(await requestWorkspace(req, principal.userId)), input: body }) }, { status: 201 }),
);

// Every other method: 405 with `Allow` and the JSON error body instead of Next's bare 405.
export const { PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(["GET", "POST"]);
