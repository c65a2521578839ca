import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordShortfall, wordUnderload } from '../../../src/shared/assignment-wording';
import { budgetRuleName } from '../../../src/shared/selection-wording';
import { createTestApp, type TestApp } from '../../helpers/test-app';

type Tree = Record<string, unknown>;

/**
 * Enums in API answers that never reach a person as text: protocol values, sort orders, the
 * language switch, technical modes the UI turns into its own sentences or controls.
 */
const NOT_SHOWN = new Set([
  'ok|unavailable',
  'nl|en',
  'read|write',
  'desc|asc',
  'instant|date',
  'draft|submitted_version',
  'frozen|live|reported|none',
  'file|link|text',
  'vat|manual',
  'created|status_changed|promoted',
  'link_existing|create_organisation|skip',
  'member_pairs|bipartite',
  'complete|largest_component|largest_component_bridging',
  'section|division|group',
  'normalised|all_zero_equalised',
  'none|milestone|report', // a payment's condition: the payments table words it with the milestone or report
  'organisation|account', // a stakeholder's kind: the scenario page only filters on it
]);

/** Enums worded by the shared wording module (the same words in the UI, the PDFs and the API texts). */
const WORDED: Record<string, (value: string, language: 'nl' | 'en') => string> = {
  'stop_at_first_misfit|skip_to_next_fit': budgetRuleName,
  'too_few_experts|loads_too_tight': (code, language) => wordShortfall({ code, params: {} }, language),
  'too_few_proposals|not_enough_reviews': (code, language) => wordUnderload({ code, params: {} }, language),
};

/** Every locale tree of the web app (common, shared and each feature), by namespace. */
async function localeTrees(): Promise<{ name: string; nl: Tree; en: Tree }[]> {
  const files = [
    'src/web/app/locales.ts',
    'src/web/shared/proposal-view.locales.ts',
    ...fs.readdirSync('src/web/features').map((feature) => `src/web/features/${feature}/locales.ts`),
  ].filter((file) => fs.existsSync(file));
  const trees = [];
  for (const file of files) {
    const module = (await import(path.resolve(file))) as { default: { nl: Tree; en: Tree } };
    trees.push({ name: file, nl: module.default.nl, en: module.default.en });
  }
  return trees;
}

/** Paths of the label groups (objects of strings) whose keys include every value. */
function groupsCovering(tree: Tree, values: string[], prefix = ''): string[] {
  const found: string[] = [];
  const keys = Object.keys(tree);
  if (values.every((v) => typeof tree[v] === 'string' && (tree[v] as string).trim() !== ''))
    found.push(prefix || '.');
  for (const key of keys) {
    const child = tree[key];
    if (child && typeof child === 'object')
      found.push(...groupsCovering(child as Tree, values, prefix ? `${prefix}.${key}` : key));
  }
  return found;
}

/** String enums in the response schemas of /api/openapi.json, each with a route that answers it. */
function responseEnums(doc: {
  paths: Record<string, Record<string, { responses?: unknown }>>;
  components?: { schemas?: Record<string, unknown> };
}) {
  const found = new Map<string, string>();
  // Named components are reached through `$ref`: follow each once per route, so their enums count.
  const walk = (node: unknown, where: string, seen = new Set<string>()) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Tree;
    const ref = n.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/') && !seen.has(ref)) {
      seen.add(ref);
      walk(doc.components?.schemas?.[ref.slice('#/components/schemas/'.length)], where, seen);
    }
    if (Array.isArray(n.enum) && n.enum.length > 1 && n.enum.every((v) => typeof v === 'string')) {
      const key = (n.enum as string[]).join('|');
      if (!found.has(key)) found.set(key, where);
    }
    for (const child of Object.values(n)) walk(child, where, seen);
  };
  for (const [route, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations))
      walk(operation.responses, `${method.toUpperCase()} ${route}`);
  return found;
}

describe('every enum value in an API answer has a label in Dutch and English', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds a label group with all of its values, at the same place in the nl and en locales', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    const enums = responseEnums(doc);
    expect(enums.size).toBeGreaterThan(30);
    const trees = await localeTrees();
    const missing: string[] = [];
    for (const [key, route] of enums) {
      if (NOT_SHOWN.has(key)) continue;
      const wording = WORDED[key];
      if (wording) {
        for (const value of key.split('|'))
          for (const language of ['nl', 'en'] as const)
            if (wording(value, language) === value) missing.push(`${key}: ${value} in ${language}`);
        continue;
      }
      // A notification kind such as partnership.action_due has its label under partnership_action_due.
      const values = key.split('|').map((value) => value.replaceAll('.', '_'));
      const labelled = trees.some((tree) => {
        const english = new Set(groupsCovering(tree.en, values));
        return groupsCovering(tree.nl, values).some((group) => english.has(group));
      });
      if (!labelled) missing.push(`${key} (${route})`);
    }
    expect(missing).toEqual([]);
  });

  it('lists only enums that still exist as not shown', async () => {
    const enums = responseEnums((await t.anonymous.get('/api/openapi.json')).json());
    expect([...NOT_SHOWN, ...Object.keys(WORDED)].filter((key) => !enums.has(key))).toEqual([]);
  });
});
