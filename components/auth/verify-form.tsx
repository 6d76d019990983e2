"use client";

import type { FormEvent, MouseEvent } from "react";
import { z } from "zod";
import { emailSchema, verifyEmailInput } from "@/lib/auth/schemas";
import { FormError, Notice } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { AuthCard } from "./auth-card";
import { hrefWithQuery } from "./search-params";
import { useResendVerification, useVerifyEmail } from "./use-auth";
import { digitsOnly, useFormFields } from "./use-form-fields";

const emailOnly = z.object({ email: emailSchema });

/** Where the code went when no mail server is configured: said on the page, so a self-hoster is not left waiting. */
export type OutboxHint = "public" | "admins" | null;

export function VerifyForm({ initialEmail, outbox, callbackUrl }: { initialEmail: string; outbox: OutboxHint; callbackUrl: string }) {
  const form = useFormFields({ email: initialEmail, code: "" });
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const error = verify.error ?? resend.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(verifyEmailInput, event.currentTarget);
    if (!input) return;
    resend.reset();
    verify.mutate(input, {
      // A full load, so the new session cookie is what the app reads from the first request.
      onSuccess: () => window.location.assign(callbackUrl),
    });
  }

  function onResend(event: MouseEvent<HTMLButtonElement>) {
    const formElement = event.currentTarget.form;
    const input = formElement && form.validate(emailOnly, formElement);
    if (!input) return;
    verify.reset();
    resend.mutate(input);
  }

  const email = form.values.email.trim();
  return (
    <AuthCard
      title="Check your email"
      description={
        email ? (
          <>
            Enter the 6-digit code we sent to <strong className="font-medium text-zinc-900 dark:text-zinc-100">{email}</strong>.
          </>
        ) : (
          "Enter your email and the 6-digit code we sent you."
        )
      }
      footer={
        <>
          Already verified? <TextLink href={hrefWithQuery("/login", { email })}>Sign in</TextLink>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <Field
          id="verify-email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus={!initialEmail}
          data-testid="verify-email"
          {...form.field("email")}
        />
        <Field
          id="verify-code"
          label="Verification code"
          autoComplete="one-time-code"
          inputMode="numeric"
          placeholder="123456"
          autoFocus={Boolean(initialEmail)}
          data-testid="verify-code"
          className="[&_input]:tracking-[0.3em]"
          {...form.field("code", digitsOnly)}
        />
        {outbox && (
          <Notice testId="verify-outbox-hint">
            This server sends no mail yet (no SMTP configured):{" "}
            {outbox === "public" ? (
              <>
                the code is in the{" "}
                <a href={hrefWithQuery("/dev/outbox", { to: email })} target="_blank" rel="noreferrer" className="underline">
                  dev outbox
                </a>{" "}
                and the server log.
              </>
            ) : (
              "the code is in the server log; an administrator can also read it in the dev outbox."
            )}
          </Notice>
        )}
        {resend.isSuccess && <Notice>A new code is on its way to {resend.variables.email}.</Notice>}
        {error && <FormError>{error.message}</FormError>}
        <Button type="submit" className="w-full" pending={verify.isPending || verify.isSuccess} data-testid="verify-submit">
          Verify email
        </Button>
        <Button
          variant="ghost"
          className="w-full"
          onClick={onResend}
          pending={resend.isPending}
          data-testid="verify-resend"
        >
          Send a new code
        </Button>
      </form>
    </AuthCard>
  );
}
