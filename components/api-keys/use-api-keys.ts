// TanStack Query hooks for /api/v1/api-keys. Dates arrive as ISO strings.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApiKeyPermissionName,
  ApiKeyUsage,
  ApiKeyView,
  CreateApiKeyInput,
  CreatedApiKey,
  UpdateApiKeyInput,
} from "@/lib/api-keys/schemas";
import type { Jsonified } from "@/lib/jsonified";
import { apiFetch } from "@/components/api/fetcher";

export type ApiKeyItem = Jsonified<ApiKeyView>;
export type ApiKeyUsageDays = Jsonified<ApiKeyUsage>;
export type CreatedKey = Jsonified<CreatedApiKey>;
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
    apiFetch<{ apiKey: ApiKeyItem }>(`/api/v1/api-keys/${id}`, { method: "PUT", body: input }),
  );
}

export function useRotateApiKey() {
  return useInvalidatingMutation(({ id, gracePeriodSeconds }: { id: string; gracePeriodSeconds: number }) =>
    apiFetch<CreatedKey>(`/api/v1/api-keys/${id}/rotate`, { method: "POST", body: { gracePeriodSeconds } }),
  );
}

export function useRevokeApiKey() {
  return useInvalidatingMutation((id: string) => apiFetch<{ apiKey: ApiKeyItem }>(`/api/v1/api-keys/${id}`, { method: "DELETE" }));
}
