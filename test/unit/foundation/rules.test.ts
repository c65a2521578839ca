import { centsToDecimalString } from '../../../src/shared/money';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPasswordRules } from '../../../src/server/modules/auth/password-rules';
import {
  enterpriseNumberFrom,
  formatEnterpriseNumber,
  parseEnterpriseNumber,
} from '../../../src/shared/enterprise-number';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { computeAuditHash, GENESIS_HASH } from '../../../src/server/audit/record-audit';
import { buildCsv } from '../../../src/server/http/spreadsheet';
import { acquireDataDirLock, DataDirBusyError } from '../../../src/server/db/data-dir-lock';
import { checkFile } from '../../../src/server/files/store-file';
import { AppError } from '../../../src/server/errors/app-error';

describe('password rules', () => {
  it('accepts a long passphrase', () => {
    expect(checkPasswordRules('correct horse battery staple', 'an@x.be')).toEqual([]);
  });
  it('names every broken rule', () => {
    expect(checkPasswordRules('aaaa', 'an@x.be').map((d) => d.code)).toEqual(['too_short', 'too_repetitive']);
    expect(checkPasswordRules('jan.peeters-2026!', 'jan.peeters@x.be').map((d) => d.code)).toEqual([
      'contains_email',
    ]);
    expect(checkPasswordRules('Wachtwoord123', 'a@x.be').map((d) => d.code)).toEqual([
      'word_with_number',
      'too_common',
    ]);
  });
  it('refuses keyboard walks and a word or name with a year', () => {
    expect(checkPasswordRules('qwertyuiopas', 'a@x.be').map((d) => d.code)).toEqual(['keyboard_pattern']);
    expect(checkPasswordRules('azertyuiop12', 'a@x.be').map((d) => d.code)).toContain('keyboard_pattern');
    expect(checkPasswordRules('1234567890ab', 'a@x.be').map((d) => d.code)).toContain('keyboard_pattern');
    expect(checkPasswordRules('Speerpunt2026', 'a@x.be').map((d) => d.code)).toEqual(['word_with_number']);
    expect(checkPasswordRules('!Vlaanderen2026', 'a@x.be').map((d) => d.code)).toEqual(['word_with_number']);
    expect(
      checkPasswordRules('Peeters-1987!', 'jp@x.be', 'password', 'Jan Peeters').map((d) => d.code),
    ).toEqual(['word_with_number']);
  });
  it('keeps accepting passphrases and the demo password', () => {
    expect(checkPasswordRules('Speerpunt-demo-2026', 'a@x.be')).toEqual([]);
    expect(checkPasswordRules('Een-sterk-wachtwoord-42', 'a@x.be')).toEqual([]);
    expect(checkPasswordRules('tulpen bloeien in mei', 'a@x.be')).toEqual([]);
  });
});

describe('Belgian enterprise numbers', () => {
  it('accepts the usual spellings and stores one canonical form', () => {
    for (const spelling of ['BE 0403.170.701', '0403.170.701', '0403170701', '403170701', 'be0403170701']) {
      expect(parseEnterpriseNumber(spelling)).toEqual({ ok: true, value: '0403170701' });
    }
    expect(formatEnterpriseNumber('0403170701')).toBe('0403.170.701');
  });
  it('refuses bad check digits, a wrong first digit and wrong lengths', () => {
    expect(parseEnterpriseNumber('0403.170.702')).toEqual({ ok: false, reason: 'check_digits' });
    expect(parseEnterpriseNumber('2403170701')).toEqual({ ok: false, reason: 'first_digit' });
    expect(parseEnterpriseNumber('12345')).toEqual({ ok: false, reason: 'format' });
  });
  it('builds valid numbers for generators', () => {
    for (const n of [1, 7_000_101, 19_999_999])
      expect(parseEnterpriseNumber(enterpriseNumberFrom(n)).ok).toBe(true);
  });
});

describe('canonical JSON and the audit hash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });
  it('changes when any field or the previous hash changes', () => {
    const base = {
      id: 1,
      occurredAt: '2026-11-27T10:00:00.000Z',
      actorUserId: null,
      actorLabel: 'cli',
      action: 'x',
      entityType: 'y',
      entityId: '1',
      before: null,
      after: { a: 1 },
      requestId: null,
      prevHash: GENESIS_HASH,
    };
    const hash = computeAuditHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash({ ...base, after: { a: 2 } })).not.toBe(hash);
    expect(computeAuditHash({ ...base, prevHash: 'f'.repeat(64) })).not.toBe(hash);
  });
});

describe('exports', () => {
  it('writes cents as exact euro strings', () => {
    expect(centsToDecimalString(123456)).toBe('1234.56');
    expect(centsToDecimalString('-5')).toBe('-0.05');
    expect(centsToDecimalString(900719925474099312n)).toBe('9007199254740993.12');
  });
  it('quotes CSV cells and defuses formulas', () => {
    const csv = buildCsv(
      [{ header: 'name', value: (r: { name: string }) => r.name }],
      [{ name: 'a,b' }, { name: '=HYPERLINK("x")' }, { name: '-12' }],
    );
    expect(csv).toBe('name\r\n"a,b"\r\n"\'=HYPERLINK(""x"")"\r\n-12\r\n');
  });
});

describe('uploads are checked on content', () => {
  it('accepts a real PDF and refuses a renamed HTML page or an oversized file', () => {
    expect(checkFile('report.pdf', Buffer.from('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(() => checkFile('report.pdf', Buffer.from('<html><script>alert(1)</script>'))).toThrow(AppError);
    expect(() => checkFile('page.txt', Buffer.from('<!doctype html><p>x'))).toThrow(AppError);
    expect(() => checkFile('tool.exe', Buffer.from('MZ'))).toThrow(AppError);
    try {
      checkFile('big.pdf', Buffer.alloc(2048, 0x25), 1024);
    } catch (error) {
      expect((error as AppError).code).toBe('FILE_TOO_LARGE');
    }
  });
});

describe('the embedded database lock', () => {
  it('lets one process hold a data directory and tells a second who holds it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-lock-'));
    // Another live process (our parent) holds the lock.
    fs.writeFileSync(path.join(dir, 'speerpunt.pid'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    // A lock left by a process that died is taken over.
    fs.writeFileSync(path.join(dir, 'speerpunt.pid'), '999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'speerpunt.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'speerpunt.pid'))).toBe(false);
  });
});
