"use client";

import { useLogout } from "@/components/auth/use-auth";
import { FormError } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Ends every session of the account (a lost phone, a shared computer), this one included. */
export function SignOutEverywhere() {
  const logout = useLogout();
  const pending = logout.isPending || logout.isSuccess;
  const hydrated = useHydrated();
  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="sign-out-everywhere"
        disabled={pending || !hydrated}
        aria-busy={pending || undefined}
        className={buttonClass("secondary")}
        onClick={() => {
          if (!window.confirm("Sign out of BaatCheet in every browser, this one included?")) return;
          logout.mutate(
            { everywhere: true },
            // A full page load, as with sign-out: nothing of this account stays in the client caches.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            { onSuccess: () => window.location.assign("/login") },
          );
        }}
      >
        {pending && <Spinner />}
        Sign out everywhere
      </button>
      {logout.error && <FormError>{logout.error.message}</FormError>}
    </div>
  );
}
