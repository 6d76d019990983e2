"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { AuthCard } from "./auth-card";
import { hrefWithQuery } from "./search-params";
import { useForgotPassword } from "./use-auth";
import { useFormFields } from "./use-form-fields";

const forgotForm = z.object({ email: emailSchema });

export function ForgotPasswordForm({ initialEmail }: { initialEmail: string }) {
  const router = useRouter();
  const form = useFormFields({ email: initialEmail });
  const forgot = useForgotPassword();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(forgotForm, event.currentTarget);
    if (!input) return;
    forgot.mutate(input, { onSuccess: () => router.push(hrefWithQuery("/reset-password", { email: input.email })) });
  }

  return (
    <AuthCard
      title="Reset your password"
      description="Enter the email you signed up with and we will send you a 6-digit code."
      footer={
        <>
          Remembered it? <TextLink href={hrefWithQuery("/login", { email: form.values.email.trim() })}>Sign in</TextLink>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <Field
          id="forgot-email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          data-testid="forgot-email"
          {...form.field("email")}
        />
        {forgot.error && <FormError>{forgot.error.message}</FormError>}
        <Button type="submit" className="w-full" pending={forgot.isPending || forgot.isSuccess} data-testid="forgot-submit">
          Send reset code
        </Button>
      </form>
    </AuthCard>
  );
}
