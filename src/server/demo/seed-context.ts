import type { StepContext } from '../http/request-context';

/** Shared between the demo seeds: ids created by earlier seeds, by a readable key. */
export interface SeedContext extends StepContext {
  ids: Map<string, string>;
  log: (line: string) => void;
}

export function idOf(ctx: SeedContext, key: string): string {
  const id = ctx.ids.get(key);
  if (!id) throw new Error(`Demo seed needs "${key}", which no earlier seed created`);
  return id;
}

export type DemoSeed = { name: string; run: (ctx: SeedContext) => Promise<void> };
