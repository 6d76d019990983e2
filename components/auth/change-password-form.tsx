"use client";

import type { FormEvent } from "react";
import { changePasswordInput } from "@/lib/auth/schemas";
import { ApiError } from "@/components/api/fetcher";
import { FormError, Notice } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { useChangePassword } from "./use-auth";
import { useFormFields } from "./use-form-fields";

export function ChangePasswordForm() {
  const form = useFormFields({ currentPassword: "", newPassword: "" });
  const change = useChangePassword();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(changePasswordInput, event.currentTarget);
    if (!input) return;
    change.mutate(input, { onSuccess: form.reset });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <PasswordField
        id="settings-current-password"
        label="Current password"
        autoComplete="current-password"
        data-testid="settings-current-password"
        {...form.field("currentPassword")}
      />
      <PasswordField
        id="settings-new-password"
        label="New password"
        autoComplete="new-password"
        hint="Use 8 or more characters. Your other devices will be signed out."
        data-testid="settings-new-password"
        {...form.field("newPassword")}
      />
      {change.isSuccess && (
        <Notice testId="settings-notice">Password changed. Your other devices have been signed out.</Notice>
      )}
      {change.error && <FormError>{changePasswordErrorMessage(change.error)}</FormError>}
      <div className="flex justify-end">
        <Button type="submit" pending={change.isPending} data-testid="settings-change-password-submit">
          Change password
        </Button>
      </div>
    </form>
  );
}

/** On this form a wrong password can only be the current one, whatever wording the API uses. */
function changePasswordErrorMessage(error: Error): string {
  return error instanceof ApiError && error.code === "invalid_credentials"
    ? "The current password is not correct."
    : error.message;
}
