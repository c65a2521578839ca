import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditActorLabel,
  auditEntityLabel,
} from '../../../src/shared/audit-actions';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The action codes written anywhere in src/server, read from the source: the literals in an
 * `action:` property (also over a conditional that spans lines) and the fixed part of the
 * template literals (`call.${status}`), whose expansions the compiler checks against the list.
 */
function codesInSource(): { literals: Map<string, string>; prefixes: Map<string, string> } {
  const literals = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sourceFiles(path.resolve('src/server'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\baction\??:\s*([^;]*?)(?:,\s*\n|\n\s*\}|;)/g)) {
      const expression = match[1];
      for (const literal of expression.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) literals.set(literal[1], file);
      for (const template of expression.matchAll(/`([a-z_]+\.[a-z_]*)\$\{/g)) prefixes.set(template[1], file);
    }
  }
  return { literals, prefixes };
}

describe('audit action labels', () => {
  const labelled = Object.keys(AUDIT_ACTION_LABELS);

  it('finds the codes in the source (the reader works)', () => {
    const { literals, prefixes } = codesInSource();
    expect(literals.size).toBeGreaterThan(100);
    expect([...literals.keys()]).toEqual(expect.arrayContaining(['proposal.submitted', 'review.decided']));
    expect([...prefixes.keys()]).toEqual(expect.arrayContaining(['call.', 'proposal.status_']));
  });

  it('has a label in Dutch and English for every action code written in src/server', () => {
    const { literals, prefixes } = codesInSource();
    const unlabelled = [...literals].filter(([code]) => !labelled.includes(code));
    expect(unlabelled).toEqual([]);
    for (const [prefix] of prefixes)
      expect(labelled.filter((code) => code.startsWith(prefix)).length, prefix).toBeGreaterThan(0);
  });

  it('words every label for people: both languages, no code, no underscore', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      for (const text of [label.nl, label.en]) {
        expect(text.length, code).toBeGreaterThan(3);
        expect(text, code).not.toContain('_');
        expect(text, code).not.toBe(code);
      }
      expect(label.nl, code).not.toBe(label.en);
    }
    expect(auditActionLabel('proposal.submitted', 'nl')).toBe('Voorstel ingediend');
    expect(auditActionLabel('proposal.submitted', 'en')).toBe('Proposal submitted');
  });
});

describe('audit object labels', () => {
  it('names every kind of object in both languages, without a table name', () => {
    for (const [kind, label] of Object.entries(AUDIT_ENTITY_LABELS)) {
      for (const text of [label.nl, label.en]) {
        expect(text.length, kind).toBeGreaterThan(3);
        expect(text, kind).not.toContain('_');
      }
    }
    expect(auditEntityLabel('review_objection', 'nl')).toBe('Bezwaar');
    expect(auditEntityLabel('review_objection', 'en')).toBe('Objection');
    expect(auditEntityLabel('from_an_older_version', 'nl')).toBe('from_an_older_version');
  });
});

describe('audit actor labels', () => {
  it('words every actor without an account that src/server and src/cli record, and leaves people as they are', () => {
    const labels = new Set<string>();
    for (const file of [
      ...sourceFiles(path.resolve('src/server')),
      ...sourceFiles(path.resolve('src/cli')),
    ]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/systemActor\('([a-z-]+)'\)|userId: null, label: '([a-z-]+)'/g))
        labels.add(match[1] ?? match[2]);
    }
    expect([...labels]).toEqual(expect.arrayContaining(['clock', 'cli', 'demo-loader', 'anonymous']));
    for (const label of labels) {
      expect(auditActorLabel(label, 'nl'), label).not.toBe(label);
      expect(auditActorLabel(label, 'en'), label).not.toBe(label);
    }
    expect(auditActorLabel('review-scheduler', 'nl')).toBe('Beoordelingsherinneringen (automatisch)');
    expect(auditActorLabel('officer@speerpunt.example', 'nl')).toBe('officer@speerpunt.example');
  });
});
