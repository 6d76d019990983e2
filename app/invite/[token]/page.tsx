import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AcceptInvite } from "@/components/workspaces/accept-invite";
import { Card } from "@/components/ui/card";
import { getPagePrincipal } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { previewInvite } from "@/lib/workspaces/invites";

export const metadata: Metadata = { title: "Workspace invite" };

// Outside the app's layout: a visitor who is not signed in is sent to sign in and brought back here.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(token)) notFound();
  const principal = await getPagePrincipal();
  if (!principal) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const invite = await previewInvite({ token }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const forSomeoneElse = invite.email !== principal.email.toLowerCase();
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md space-y-4 p-6" data-testid="invite-card">
        <h1 className="text-xl font-semibold">Join “{invite.workspaceName}”</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You are invited as {invite.role}. You will see the projects its members share, and the chats in them.
        </p>
        {invite.status === "pending" && !forSomeoneElse && <AcceptInvite token={token} />}
        {invite.status === "pending" && forSomeoneElse && (
          <p className="text-sm" data-testid="invite-other-email">
            This invite was sent to another email address. Sign in with that address to accept it.
          </p>
        )}
        {invite.status === "expired" && <p className="text-sm">This invite has expired. Ask for a new one.</p>}
        {invite.status === "accepted" && <p className="text-sm">This invite was already used.</p>}
      </Card>
    </main>
  );
}
