// TanStack Query hooks for /api/v1/api-keys. Dates arrive as ISO strings.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyPermissionName, ApiKeyUsage, ApiKeyView, CreateApiKeyInput, UpdateApiKeyInput } from "@/lib/api-keys/schemas";
import { apiFetch } from "@/components/api/fetcher";

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type ApiKeyItem = Serialized<ApiKeyView>;
export type ApiKeyUsageDays = Omit<ApiKeyUsage, "lastUsedAt"> & { lastUsedAt: string | null };
export interface CreatedKey {
  apiKey: ApiKeyItem;
  secret: string;
}
export type { ApiKeyPermissionName };

const listKey = ["api-keys"] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: listKey,
    // A person has a handful of keys: one page of 100 shows them all.
    queryFn: () => apiFetch<{ items: ApiKeyItem[]; nextCursor: string | null }>("/api/v1/api-keys?limit=100"),
  });
}

export function useApiKeyUsage(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...listKey, id, "usage"],
    queryFn: () => apiFetch<ApiKeyUsageDays>(`/api/v1/api-keys/${id}/usage?days=14`),
    enabled,
  });
}

function useInvalidatingMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }) });
}

export function useCreateApiKey() {
  return useInvalidatingMutation((input: CreateApiKeyInput) => apiFetch<CreatedKey>("/api/v1/api-keys", { method: "POST", body: input }));
}

export function useUpdateApiKey() {
  return useInvalidatingMutation(({ id, input }: { id: string; input: UpdateApiKeyInput }) =>
    apiFetch<ApiKeyItem>(`/api/v1/api-keys/${id}`, { method: "PUT", body: input }),
  );
}

export function useRotateApiKey() {
  return useInvalidatingMutation(({ id, gracePeriodSeconds }: { id: string; gracePeriodSeconds: number }) =>
    apiFetch<CreatedKey>(`/api/v1/api-keys/${id}/rotate`, { method: "POST", body: { gracePeriodSeconds } }),
  );
}

export function useRevokeApiKey() {
  return useInvalidatingMutation((id: string) => apiFetch<ApiKeyItem>(`/api/v1/api-keys/${id}`, { method: "DELETE" }));
}
