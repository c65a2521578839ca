import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/speerpunt.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('speerpunt assign / rank', () => {
  it('assign prints exactly feasible, objective, assignments and shortfall, with exit code 2 when infeasible', () => {
    const result = run('assign', '--input', 'test/unit/review/assignment-example.json');
    expect(result.status).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['feasible', 'objective', 'assignments', 'shortfall']);
    expect(output.feasible).toBe(false);
    expect(output.objective).toBe(2.2);
    expect(output.assignments).toHaveLength(6);
    expect(output.shortfall).toEqual([
      {
        proposal: 'p9',
        missing: 1,
        code: 'too_few_experts',
        params: expect.objectContaining({ demand: expect.any(Number) }),
        reason: expect.stringContaining('Too few experts'),
      },
    ]);
    const dutch = JSON.parse(
      run('assign', '--input', 'test/unit/review/assignment-example.json', '--lang', 'nl').stdout,
    );
    expect(dutch.shortfall[0].reason).toMatch(/^Te weinig deskundigen: slechts \d+ deskundige/);
  });

  it('assign refuses bad input with the catalogued code and writes the details to stderr', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'speerpunt-assign-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        proposals: [{ id: 'p1', demand: 1 }],
        experts: [{ id: 'e1', maxLoad: 1 }],
        forced: [
          { proposal: 'p1', expert: 'e1' },
          { proposal: 'p1', expert: 'e1' },
        ],
      }),
    );
    const result = run('assign', '--input', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ASSIGNMENT_INPUT_INVALID');
    expect(result.stderr).toContain('forced twice');
    writeFileSync(file, '{ not json');
    expect(run('assign', '--input', file).stderr).toContain('INVALID_JSON');
  });

  it('rank prints the ordered list with status and reasons, and a what-if budget', () => {
    const result = run('rank', '--input', 'test/unit/review/ranking-example.json');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.ranking.map((r: { id: string; status: string }) => `${r.id}:${r.status}`)).toEqual([
      'VB-002:funded',
      'VB-001:funded',
      'VB-005:funded',
      'VB-004:reserve',
      'VB-003:rejected',
    ]);
    const whatIf = JSON.parse(
      run('rank', '--input', 'test/unit/review/ranking-example.json', '--budget', '200000000').stdout,
    );
    expect(whatIf.counts).toEqual({ funded: 4, reserve: 0, rejected: 1 });
  });
});
