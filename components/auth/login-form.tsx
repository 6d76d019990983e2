"use client";

import { useState, type FormEvent } from "react";
import { z } from "zod";
import { codeSchema, emailSchema, type LoginInput } from "@/lib/auth/schemas";
import { ApiError } from "@/components/api/fetcher";
import { FormError, Notice } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PasswordField } from "@/components/ui/password-field";
import { TextLink } from "@/components/ui/text-link";
import { AuthCard } from "./auth-card";
import { LoginModeSwitch, type LoginMode } from "./login-mode-switch";
import { hrefWithQuery } from "./search-params";
import { useLogin, useRequestLoginCode } from "./use-auth";
import { digitsOnly, useFormFields } from "./use-form-fields";

const passwordLogin = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.") });
const codeRequest = z.object({ email: emailSchema });
const codeLogin = z.object({ email: emailSchema, code: codeSchema });

interface LoginFormProps {
  initialEmail: string;
  /** Shown above the form, e.g. after verifying an email or resetting a password. */
  notice?: string;
  /** Where to go after signing in; already checked to be a path on this site. */
  callbackUrl: string;
}

export function LoginForm({ initialEmail, notice, callbackUrl }: LoginFormProps) {
  const [mode, setMode] = useState<LoginMode>("password");
  const [codeSentTo, setCodeSentTo] = useState<string>();
  const form = useFormFields({ email: initialEmail, password: "", code: "" });
  const login = useLogin();
  const requestCode = useRequestLoginCode();
  const error = login.error ?? requestCode.error;
  const email = form.values.email.trim();

  function switchMode(next: LoginMode) {
    setMode(next);
    setCodeSentTo(undefined);
    login.reset();
    requestCode.reset();
    form.clearErrors();
  }

  function sendCode(to: string) {
    login.reset();
    requestCode.mutate(
      { email: to },
      {
        onSuccess: () => {
          form.setValue("code", "");
          setCodeSentTo(to);
        },
      },
    );
  }

  function signIn(input: LoginInput) {
    requestCode.reset();
    // A full page load, so server components see the new session cookie.
    login.mutate(input, { onSuccess: () => window.location.assign(callbackUrl) });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (mode === "password") {
      const input = form.validate(passwordLogin, formElement);
      if (input) signIn(input);
    } else if (!codeSentTo) {
      const input = form.validate(codeRequest, formElement);
      if (input) sendCode(input.email);
    } else {
      const input = form.validate(codeLogin, formElement);
      if (input) signIn(input);
    }
  }

  const awaitingCode = mode === "code" && codeSentTo !== undefined;
  return (
    <AuthCard
      title="Welcome back"
      description="Sign in to continue to BaatCheet."
      footer={
        <>
          New to BaatCheet? <TextLink href="/register">Create an account</TextLink>
        </>
      }
    >
      {notice && <Notice testId="login-notice">{notice}</Notice>}
      <LoginModeSwitch mode={mode} onChange={switchMode} />
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {awaitingCode ? (
          <CodeSentNote email={codeSentTo} onChangeEmail={() => switchMode("code")} />
        ) : (
          <Field
            id="login-email"
            label="Email"
            type="email"
            autoComplete="email"
            autoFocus={!initialEmail}
            data-testid="login-email"
            {...form.field("email")}
          />
        )}
        {mode === "password" && (
          <PasswordField
            id="login-password"
            label="Password"
            autoComplete="current-password"
            autoFocus={Boolean(initialEmail)}
            data-testid="login-password"
            labelAside={
              <TextLink href={hrefWithQuery("/forgot-password", { email })} className="text-xs">
                Forgot password?
              </TextLink>
            }
            {...form.field("password")}
          />
        )}
        {awaitingCode && (
          <Field
            id="login-code"
            label="Sign-in code"
            autoComplete="one-time-code"
            inputMode="numeric"
            placeholder="123456"
            autoFocus
            data-testid="login-code"
            className="[&_input]:tracking-[0.3em]"
            {...form.field("code", digitsOnly)}
          />
        )}
        {error && (
          <FormError>
            {error.message} <ErrorNextStep error={error} email={email} />
          </FormError>
        )}
        {mode === "code" && !awaitingCode ? (
          <Button type="submit" className="w-full" pending={requestCode.isPending} data-testid="login-send-code">
            Send sign-in code
          </Button>
        ) : (
          <Button type="submit" className="w-full" pending={login.isPending || login.isSuccess} data-testid="login-submit">
            Sign in
          </Button>
        )}
        {awaitingCode && (
          <Button
            variant="ghost"
            className="w-full"
            pending={requestCode.isPending}
            onClick={() => sendCode(codeSentTo)}
            data-testid="login-resend-code"
          >
            Send a new code
          </Button>
        )}
      </form>
    </AuthCard>
  );
}

function CodeSentNote({ email, onChangeEmail }: { email: string; onChangeEmail: () => void }) {
  return (
    <Notice>
      If <strong className="font-medium">{email}</strong> has an account, we just emailed it a 6-digit code.{" "}
      <button type="button" onClick={onChangeEmail} className="cursor-pointer font-medium underline underline-offset-4">
        Use a different email
      </button>
    </Notice>
  );
}

/** A link for the errors a person can act on. */
function ErrorNextStep({ error, email }: { error: Error; email: string }) {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "email_not_verified") {
    return <TextLink href={hrefWithQuery("/verify", { email })}>Enter your verification code</TextLink>;
  }
  if (error.code === "rate_limited") {
    return <TextLink href={hrefWithQuery("/forgot-password", { email })}>Reset your password</TextLink>;
  }
  return null;
}
