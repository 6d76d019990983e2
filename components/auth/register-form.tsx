"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";
import { ApiError } from "@/components/api/fetcher";
import { FormError } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { TextLink } from "@/components/ui/text-link";
import { AuthCard } from "./auth-card";
import { hrefWithQuery } from "./search-params";
import { useRegister } from "./use-auth";
import { useFormFields } from "./use-form-fields";

const registerForm = z.object({
  name: z
    .string()
    .trim()
    .max(100, "Name must be at most 100 characters.")
    .transform((name) => name || undefined),
  email: emailSchema,
  password: passwordSchema,
});

export function RegisterForm() {
  const router = useRouter();
  const form = useFormFields({ name: "", email: "", password: "" });
  const register = useRegister();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(registerForm, event.currentTarget);
    if (!input) return;
    register.mutate(input, { onSuccess: () => router.push(hrefWithQuery("/verify", { email: input.email })) });
  }

  return (
    <AuthCard
      title="Create your account"
      description="Chat with many AI models in one place."
      footer={
        <>
          Already have an account? <TextLink href="/login">Sign in</TextLink>
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <Field
          id="register-name"
          label="Name (optional)"
          autoComplete="name"
          autoFocus
          data-testid="register-name"
          {...form.field("name")}
        />
        <Field
          id="register-email"
          label="Email"
          type="email"
          autoComplete="email"
          data-testid="register-email"
          {...form.field("email")}
        />
        <PasswordField
          id="register-password"
          label="Password"
          autoComplete="new-password"
          hint="Use 8 or more characters."
          data-testid="register-password"
          {...form.field("password")}
        />
        {register.error && (
          <FormError>
            {register.error.message}
            {register.error instanceof ApiError && register.error.code === "email_taken" && (
              <>
                {" "}
                <TextLink href={hrefWithQuery("/login", { email: form.values.email.trim() })}>Go to sign in</TextLink>
              </>
            )}
          </FormError>
        )}
        <Button
          type="submit"
          className="w-full"
          pending={register.isPending || register.isSuccess}
          data-testid="register-submit"
        >
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
