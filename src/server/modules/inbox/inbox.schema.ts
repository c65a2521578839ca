import { z } from 'zod';

/** One thing waiting, e.g. a proposal to check; `due` is an instant (ISO) or a calendar date. */
export const InboxEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  due: z.string().nullable(),
  dueKind: z.enum(['instant', 'date']),
  link: z.string(),
});

/** One kind of work for this person: how many, the nearest deadline, the first few entries. */
export const InboxItemSchema = z.object({
  kind: z.string(),
  count: z.number(),
  due: z.string().nullable(),
  dueKind: z.enum(['instant', 'date']),
  link: z.string(),
  entries: z.array(InboxEntrySchema),
});

export const InboxSchema = z.object({
  role: z.string(),
  items: z.array(InboxItemSchema),
  figures: z.array(z.object({ kind: z.string(), value: z.number(), link: z.string() })),
});

export type InboxEntry = z.infer<typeof InboxEntrySchema>;
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type Inbox = z.infer<typeof InboxSchema>;
