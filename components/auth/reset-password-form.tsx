"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, MouseEvent } from "react";
import { z } from "zod";
import { emailSchema, resetPasswordInput } from "@/lib/auth/schemas";
import { FormError, Notice } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { TextLink } from "@/components/ui/text-link";
import { AuthCard } from "./auth-card";
import { hrefWithQuery } from "./search-params";
import { useForgotPassword, useResetPassword } from "./use-auth";
import { digitsOnly, useFormFields } from "./use-form-fields";

const emailOnly = z.object({ email: emailSchema });

export function ResetPasswordForm({ initialEmail }: { initialEmail: string }) {
  const router = useRouter();
  const form = useFormFields({ email: initialEmail, code: "", password: "" });
  const reset = useResetPassword();
  const resend = useForgotPassword();
  const error = reset.error ?? resend.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(resetPasswordInput, event.currentTarget);
    if (!input) return;
    resend.reset();
    reset.mutate(input, {
      onSuccess: () => router.push(hrefWithQuery("/login", { reset: "1", email: input.email })),
    });
  }

  function onResend(event: MouseEvent<HTMLButtonElement>) {
    const formElement = event.currentTarget.form;
    const input = formElement && form.validate(emailOnly, formElement);
    if (!input) return;
    reset.reset();
    resend.mutate(input);
  }

  const email = form.values.email.trim();
  return (
    <AuthCard
      title="Choose a new password"
      description={
        email ? (
          <>
            If <strong className="font-medium text-zinc-900 dark:text-zinc-100">{email}</strong> has an account, we
            sent it a 6-digit code. Enter it with your new password.
          </>
        ) : (
          "Enter your email, the 6-digit code we sent you, and a new password."
        )
      }
      footer={
        <>
          Remembered it? <TextLink href={hrefWithQuery("/login", { email })}>Sign in</TextLink>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <Field
          id="reset-email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus={!initialEmail}
          data-testid="reset-email"
          {...form.field("email")}
        />
        <Field
          id="reset-code"
          label="Reset code"
          autoComplete="one-time-code"
          inputMode="numeric"
          placeholder="123456"
          autoFocus={Boolean(initialEmail)}
          data-testid="reset-code"
          className="[&_input]:tracking-[0.3em]"
          {...form.field("code", digitsOnly)}
        />
        <PasswordField
          id="reset-password"
          label="New password"
          autoComplete="new-password"
          hint="Use 8 or more characters."
          data-testid="reset-password"
          {...form.field("password")}
        />
        {resend.isSuccess && <Notice>A new code is on its way to {resend.variables.email}.</Notice>}
        {error && <FormError>{error.message}</FormError>}
        <Button type="submit" className="w-full" pending={reset.isPending || reset.isSuccess} data-testid="reset-submit">
          Change password
        </Button>
        <Button variant="ghost" className="w-full" onClick={onResend} pending={resend.isPending} data-testid="reset-resend">
          Send a new code
        </Button>
      </form>
    </AuthCard>
  );
}
