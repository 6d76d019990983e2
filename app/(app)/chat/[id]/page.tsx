import { notFound } from "next/navigation";
import { ChatView } from "@/components/chat/chat-view";
import { requireUser } from "@/lib/auth/page";
import { getConversationView } from "@/lib/chat/service";
import { AppError } from "@/lib/errors";
import { pageWorkspace } from "@/lib/workspaces/page";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await getConversationView({ ...(await pageWorkspace(user.userId)), conversationId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return <ChatView key={view.conversation.id} initialView={view} />;
}
