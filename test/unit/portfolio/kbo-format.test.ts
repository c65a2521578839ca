import { describe, expect, it } from 'vitest';
import {
  KBO_FILES,
  KboCsvParser,
  MalformedLine,
  toCopyLine,
} from '../../../src/server/modules/kbo/kbo-format';
import { naceSectionOf, isFlemishPostcode } from '../../../src/server/modules/kbo/nace';

function parse(chunks: string[]) {
  const records: { fields: string[]; line: number; problem: string | null }[] = [];
  const parser = new KboCsvParser((fields, line, problem) => records.push({ fields, line, problem }));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return records;
}

describe('register CSV parser', () => {
  it('reads quoted fields, doubled quotes, CRLF and newlines inside quotes, across chunk boundaries', () => {
    const records = parse(['"a","b ""x"" c"\r\n"multi', '\nline","d"\n', '"last","no newline"']);
    expect(records).toEqual([
      { fields: ['a', 'b "x" c'], line: 1, problem: null },
      { fields: ['multi\nline', 'd'], line: 2, problem: null },
      { fields: ['last', 'no newline'], line: 4, problem: null },
    ]);
  });

  it('flags a stray quote and an unterminated quote', () => {
    expect(parse(['"a"x,"b"\n'])[0].problem).toBe('text after a closing quote');
    expect(parse(['"a","b\n'])[0].problem).toMatch(/unterminated/);
  });

  it('turns a record into a COPY line: canonical numbers, ISO dates, \\N for empty optional fields', () => {
    const enterprise = KBO_FILES.find((f) => f.name === 'enterprise');
    if (!enterprise) throw new Error('no spec');
    expect(toCopyLine(enterprise, ['0200.065.765', 'AC', '000', '2', '014', '', '09-08-1960'])).toBe(
      '0200065765\tAC\t000\t2\t014\t\\N\t1960-08-09\n',
    );
    expect(() => toCopyLine(enterprise, ['0200.065.765', 'AC', '000', '2', '014', '', '1960-08-09'])).toThrow(
      MalformedLine,
    );
    expect(() => toCopyLine(enterprise, ['0200.065.765', 'AC'])).toThrow(/expected 7 fields, found 2/);
    const denomination = KBO_FILES.find((f) => f.name === 'denomination');
    if (!denomination) throw new Error('no spec');
    expect(toCopyLine(denomination, ['2.000.000.339', '2', '001', 'Tab\there\\'])).toBe(
      '2000000339\t2\t001\tTab\\there\\\\\n',
    );
  });

  it('maps NACE codes to sections and tells Flemish postcodes', () => {
    expect(naceSectionOf('62010')).toBe('J');
    expect(naceSectionOf('01110')).toBe('A');
    expect(naceSectionOf('35110')).toBe('D');
    expect(isFlemishPostcode('9000')).toBe(true);
    expect(isFlemishPostcode('1000')).toBe(false);
    expect(isFlemishPostcode('4000')).toBe(false);
  });
});
