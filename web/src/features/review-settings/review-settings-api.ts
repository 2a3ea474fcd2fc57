import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ReviewSettings, ReviewSettingsAnswer } from './review-settings-types';

const enc = encodeURIComponent;
export const reviewSettingsKey = (platformId: string) => ['review-settings', platformId] as const;

export function useReviewSettings(platformId: string) {
  return useQuery({
    queryKey: reviewSettingsKey(platformId),
    queryFn: () => api.get<ReviewSettingsAnswer>(`/api/platforms/${enc(platformId)}/review-settings`),
    enabled: Boolean(platformId),
  });
}

/** Saves the settings; the answer replaces the cached settings (the lists of types and licences stay). */
export function useSaveReviewSettings(platformId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReviewSettings) => api.put<ReviewSettings>(`/api/platforms/${enc(platformId)}/review-settings`, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData<ReviewSettingsAnswer>(reviewSettingsKey(platformId), (old) => (old ? { ...old, ...saved } : old));
    },
  });
}
