import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
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
export interface ClusterOption {
  id: string;
  name: string;
  shortName: string;
  kind: string;
}
export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
}

export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: () => api.get<User[]>('/api/users?pageSize=500') });
export const useClusterOptions = () =>
  useQuery({
    queryKey: ['lookups', 'clusters'],
    queryFn: () => api.get<ClusterOption[]>('/api/lookups/clusters?pageSize=500'),
  });
export const useAuditEvents = () =>
  useQuery({ queryKey: ['audit'], queryFn: () => api.get<AuditEvent[]>('/api/audit?limit=200') });

export function useUserMutation<TBody>(run: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}
