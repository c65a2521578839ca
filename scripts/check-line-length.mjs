#!/usr/bin/env node
// No line over 120 characters in tracked source files (Prettier wraps code at 110 but leaves long
// strings, comments and template literals alone). Generated files, SQL snapshots, migrations that
// landed before this rule (frozen: never edited) and Markdown table rows (a row cannot wrap) are exempt.
// Usage: node scripts/check-line-length.mjs [--max 120]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const maxIndex = process.argv.indexOf('--max');
const MAX = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : 120;
const CHECKED = /\.(ts|tsx|js|mjs|cjs|json|css|html|md|yml|yaml|sh)$|^\.ci\/run$/;
const EXEMPT = [
  /(^|\/)package-lock\.json$/,
  /(^|\/)__sql__\//,
  /\.sql$/,
  /^test\/data\//,
  /^src\/server\/db\/migrations\/2026112[0-8]_/,
];

const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
  .split('\0')
  .filter((file) => file && CHECKED.test(file) && !EXEMPT.some((pattern) => pattern.test(file)));

let offenders = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree but still in the index
  }
  text.split('\n').forEach((line, index) => {
    // Code points, not UTF-16 units: '€' and 'é' count once.
    const length = [...line].length;
    if (length > MAX && !(file.endsWith('.md') && line.trimStart().startsWith('|'))) {
      offenders++;
      console.log(`${file}:${index + 1}: ${length} characters (max ${MAX})`);
    }
  });
}
if (offenders > 0) {
  console.log(`\n${offenders} line(s) over ${MAX} characters.`);
  process.exit(1);
}
console.log(`line length: ${files.length} files, no line over ${MAX} characters.`);
