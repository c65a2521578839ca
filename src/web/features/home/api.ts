import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export interface InboxEntry {
  id: string;
  title: string;
  titleEn: string | null;
  due: string | null;
  dueKind: 'instant' | 'date';
  link: string;
}
export interface InboxItem {
  kind: string;
  count: number;
  due: string | null;
  dueKind: 'instant' | 'date';
  link: string;
  entries: InboxEntry[];
}
export interface Inbox {
  role: string;
  items: InboxItem[];
  figures: { kind: string; value: number; link: string }[];
}

/** What is waiting for the signed-in person (GET /api/inbox). */
export const useInbox = () => useQuery({ queryKey: ['inbox'], queryFn: () => api.get<Inbox>('/api/inbox') });
