import { detail, type ErrorDetail } from '../../errors/app-error';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// A short list of the passwords people pick most; length rules catch most of the rest.
const COMMON = new Set([
  'password1234',
  'wachtwoord123',
  'welkom123456',
  '123456789012',
  'qwertyuiop12',
  'azertyuiop12',
]);

// Rows of the keyboards used here (QWERTY, AZERTY) and plain sequences: walks along them are guessed first.
const KEYBOARD_ROWS = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'abcdefghijklmnopqrstuvwxyz',
];

// Words people build passwords from here; with a year or a number around them they are guessed early.
const PREDICTABLE_WORDS = [
  'speerpunt',
  'vlaio',
  'vlaanderen',
  'flanders',
  'cluster',
  'innovatie',
  'innovation',
  'password',
  'passw0rd',
  'wachtwoord',
  'welkom',
  'welcome',
  'admin',
  'letmein',
  'brussel',
  'brussels',
  'antwerpen',
  'gent',
];

/** How many characters of the password belong to keyboard walks of at least four keys (either direction). */
export function keyboardWalkLength(password: string): number {
  const text = password.toLowerCase();
  const covered = new Array<boolean>(text.length).fill(false);
  const rows = KEYBOARD_ROWS.flatMap((row) => [row, [...row].reverse().join('')]);
  for (let start = 0; start < text.length; start += 1) {
    for (const row of rows) {
      const position = row.indexOf(text[start] ?? '');
      if (position < 0) continue;
      let length = 0;
      while (start + length < text.length && row[position + length] === text[start + length]) length += 1;
      if (length >= 4) for (let i = start; i < start + length; i += 1) covered[i] = true;
    }
  }
  return covered.filter(Boolean).length;
}

/** A known word or a name with only digits and symbols around it (`Speerpunt2026`, `Welkom!123`). */
export function isWordWithNumber(password: string, personalWords: string[]): boolean {
  const core = password
    .toLowerCase()
    .replace(/^[^a-z]+/, '')
    .replace(/[^a-z]+$/, '');
  if (core === '' || /[^a-z]/.test(core)) return false;
  const words = [...PREDICTABLE_WORDS, ...personalWords.filter((word) => word.length >= 3)];
  const around = password.length - core.length;
  return around > 0 && (words.includes(core) || (core.length <= 8 && around <= 6));
}

/**
 * Password rules after NIST SP 800-63B: long rather than complex. Returns every broken rule,
 * empty when the password is acceptable.
 */
export function checkPasswordRules(
  password: string,
  email: string,
  path = 'password',
  name = '',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(
      detail(
        path,
        'too_short',
        `Minstens ${PASSWORD_MIN_LENGTH} tekens.`,
        `At least ${PASSWORD_MIN_LENGTH} characters.`,
      ),
    );
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(
      detail(
        path,
        'too_long',
        `Hoogstens ${PASSWORD_MAX_LENGTH} tekens.`,
        `At most ${PASSWORD_MAX_LENGTH} characters.`,
      ),
    );
  }
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push(
      detail(
        path,
        'contains_email',
        'Mag je e-mailadres niet bevatten.',
        'Must not contain your e-mail address.',
      ),
    );
  }
  if (new Set(password).size < 5) {
    problems.push(
      detail(
        path,
        'too_repetitive',
        'Gebruik minstens 5 verschillende tekens.',
        'Use at least 5 different characters.',
      ),
    );
  }
  if (keyboardWalkLength(password) >= Math.ceil(password.length * 0.6)) {
    problems.push(
      detail(
        path,
        'keyboard_pattern',
        'Vermijd reeksen toetsen of tekens (zoals qwerty of 12345).',
        'Avoid runs of keys or characters (like qwerty or 12345).',
      ),
    );
  }
  const personalWords = [local, ...name.toLowerCase().split(/[^a-z]+/)];
  if (isWordWithNumber(password, personalWords)) {
    problems.push(
      detail(
        path,
        'word_with_number',
        'Een woord of naam met een jaartal of cijfers errond is snel geraden.',
        'A word or name with a year or digits around it is guessed quickly.',
      ),
    );
  }
  if (COMMON.has(password.toLowerCase())) {
    problems.push(detail(path, 'too_common', 'Dit wachtwoord is te bekend.', 'This password is too common.'));
  }
  return problems;
}
