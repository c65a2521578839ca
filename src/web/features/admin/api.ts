import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
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
export const useAuditEvents = () =>
  useQuery({ queryKey: ['audit'], queryFn: () => api.get<AuditEvent[]>('/api/audit?limit=200') });

export function useUserMutation<TBody>(run: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}
