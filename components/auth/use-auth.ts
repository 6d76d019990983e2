// One TanStack Query mutation per /api/v1/auth endpoint. Components decide where to go on success.
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChangePasswordInput,
  LoginInput,
  RegisterInput,
  ResetPasswordInput,
  UserResponse,
  VerifyEmailInput,
  emailOnlyInput,
} from "@/lib/auth/schemas";
import { apiFetch } from "@/components/api/fetcher";

type EmailInput = z.infer<typeof emailOnlyInput>;

function post<T>(path: string, body?: unknown): Promise<T> {
  return apiFetch<T>(path, { method: "POST", body });
}

export function useRegister() {
  return useMutation({ mutationFn: (input: RegisterInput) => post<UserResponse>("/api/v1/auth/register", input) });
}

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (input: VerifyEmailInput) => post<UserResponse>("/api/v1/auth/verify-email", input),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: (input: EmailInput) => post<unknown>("/api/v1/auth/verify-email/resend", input) });
}

export function useLogin() {
  return useMutation({ mutationFn: (input: LoginInput) => post<UserResponse>("/api/v1/auth/login", input) });
}

export function useRequestLoginCode() {
  return useMutation({ mutationFn: (input: EmailInput) => post<unknown>("/api/v1/auth/login/code", input) });
}

export function useLogout() {
  return useMutation({ mutationFn: (options: { everywhere?: boolean } = {}) => post<unknown>("/api/v1/auth/logout", options) });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: (input: EmailInput) => post<unknown>("/api/v1/auth/password/forgot", input) });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: ResetPasswordInput) => post<UserResponse>("/api/v1/auth/password/reset", input),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => post<UserResponse>("/api/v1/auth/password/change", input),
  });
}
