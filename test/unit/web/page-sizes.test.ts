import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../../src/server/http/paging';
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_CHOICES } from '../../../src/web/shared/page-sizes';

const WEB = path.resolve(__dirname, '../../../src/web');

/**
 * Places that still read one large page instead of paging or searching on the server, by file
 * with how many. None is left: a new large page fails this test (page on the server, or search
 * with a picker such as OrganisationSelect, ThemeMultiSelect or LineSelect instead).
 */
const KNOWN_LARGE_PAGES: Record<string, number> = {};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every page size the web app writes down: `pageSize=N`, `pageSize: N`, `limit=N`, `*PAGE_SIZE* = N`. */
function literals(): { file: string; line: number; size: number }[] {
  const found: { file: string; line: number; size: number }[] = [];
  for (const file of sources(WEB)) {
    const relative = path.relative(WEB, file).split(path.sep).join('/');
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const pattern = /\b(?:pageSize|limit|[A-Z_]*PAGE_SIZE[A-Z_]*|MATCHES)\b\s*[=:]\s*(\d+)/g;
        for (const match of text.matchAll(pattern))
          found.push({ file: relative, line: index + 1, size: Number(match[1]) });
      });
  }
  return found;
}

describe('the web app never asks for an unbounded page', () => {
  it('offers page sizes within the server maximum', () => {
    expect(Math.max(...PAGE_SIZE_CHOICES)).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    expect(PAGE_SIZE_CHOICES).toContain(DEFAULT_PAGE_SIZE);
  });

  it('finds the page sizes it checks (the reader of the sources works)', () => {
    const all = literals();
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((l) => l.file === 'shared/server-choices.tsx')).toBe(true);
  });

  it('asks no list route for more than the server maximum', () => {
    const over = literals().filter((l) => l.size > MAX_PAGE_SIZE);
    expect(over.map((l) => `${l.file}:${l.line} asks for ${l.size}`)).toEqual([]);
  });

  it('pages on the server instead of reading large pages, except the known places', () => {
    const largest = Math.max(...PAGE_SIZE_CHOICES);
    const large = new Map<string, number>();
    for (const l of literals().filter((x) => x.size > largest))
      large.set(l.file, (large.get(l.file) ?? 0) + 1);
    expect(Object.fromEntries([...large].sort())).toEqual(
      Object.fromEntries(Object.entries(KNOWN_LARGE_PAGES).sort()),
    );
  });
});
