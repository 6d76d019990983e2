"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAcceptInvite, useSwitchWorkspace } from "./use-workspaces";

/** Joins the workspace and opens it on its projects. */
export function AcceptInvite({ token }: { token: string }) {
  const accept = useAcceptInvite();
  const switchTo = useSwitchWorkspace();
  const router = useRouter();
  return (
    <div className="space-y-3">
      {accept.error && <FormError>{accept.error.message}</FormError>}
      <Button
        data-testid="invite-accept"
        pending={accept.isPending}
        onClick={() =>
          accept.mutate(token, {
            onSuccess: ({ workspace }) => {
              switchTo(workspace.id);
              router.push("/projects");
              router.refresh();
            },
          })
        }
      >
        Join the workspace
      </Button>
    </div>
  );
}
