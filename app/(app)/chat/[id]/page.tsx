import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChatView } from "@/components/chat/chat-view";
import { requireUser } from "@/lib/auth/page";
import { getConversationView } from "@/lib/chat/service";
import { AppError } from "@/lib/errors";
import { pageWorkspace } from "@/lib/workspaces/page";

/** One read per request: the tab title and the page share it. */
const loadView = cache(async (id: string) => {
  const user = await requireUser();
  return getConversationView({ ...(await pageWorkspace(user.userId)), conversationId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
});

type Props = { params: Promise<{ id: string }> };

/** The browser tab shows the conversation's title (the chat view keeps it current as it changes). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadView((await params).id);
  return { title: view.conversation.title };
}

export default async function ConversationPage({ params }: Props) {
  const view = await loadView((await params).id);
  return <ChatView key={view.conversation.id} initialView={view} />;
}
