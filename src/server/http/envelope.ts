import { z } from 'zod';

/** Every successful answer: the data and what the viewer may do with it (buttons read these). */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, abilities: z.record(z.string(), z.boolean()) });
}

export function ok<T>(data: T, abilities: Record<string, boolean> = {}) {
  return { data, abilities };
}
