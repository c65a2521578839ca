import { z } from 'zod';

/** What the viewer may do with the answer (`create`, `edit`, …): the web app's buttons read these. */
export const AbilitiesSchema = z.record(z.string(), z.boolean()).meta({
  id: 'Abilities',
  description: 'What the viewer may do with the answer; buttons read these.',
});

/** Every successful answer: the data and what the viewer may do with it (buttons read these). */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, abilities: AbilitiesSchema });
}

export function ok<T>(data: T, abilities: Record<string, boolean> = {}) {
  return { data, abilities };
}
