import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { usePagedList } from '../../shared/use-paged-list';
import type { Role } from '../../app/auth';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  clusterIds: string[];
  createdAt: string;
}
export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
}

export const useUsers = () => usePagedList<User>(['users'], '/api/users');
/** How many audit events a page shows; the trail pages by cursor (events before an id). */
export const AUDIT_PAGE_SIZE = 50;
/** One page of the audit trail, newest first: the events before `beforeId` (none: the newest). */
export const useAuditEvents = (beforeId: number | undefined) =>
  useQuery({
    queryKey: ['audit', beforeId],
    queryFn: () => api.get<AuditEvent[]>(`/api/audit${query({ beforeId, limit: AUDIT_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

export function useUserMutation<TBody>(run: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}
