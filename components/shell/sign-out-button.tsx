"use client";

import { useLogout } from "@/components/auth/use-auth";
import { FormError } from "@/components/ui/alert";
import { SignOutIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton({ className }: { className?: string }) {
  const logout = useLogout();
  const pending = logout.isPending || logout.isSuccess;
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        data-testid="sign-out"
        disabled={pending || !hydrated}
        aria-busy={pending || undefined}
        onClick={() =>
          logout.mutate({}, {
            // A full page load on purpose: it drops the client router and query caches that still
            // hold the signed-out user's pages and data.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            onSuccess: () => window.location.assign("/login"),
          })
        }
        className={className}
      >
        {pending ? <Spinner /> : <SignOutIcon />}
        Sign out
      </button>
      {logout.error && <FormError>{logout.error.message}</FormError>}
    </>
  );
}
