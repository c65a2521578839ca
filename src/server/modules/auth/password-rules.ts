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

/**
 * Password rules after NIST SP 800-63B: long rather than complex. Returns every broken rule,
 * empty when the password is acceptable.
 */
export function checkPasswordRules(password: string, email: string, path = 'password'): ErrorDetail[] {
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
  if (COMMON.has(password.toLowerCase())) {
    problems.push(detail(path, 'too_common', 'Dit wachtwoord is te bekend.', 'This password is too common.'));
  }
  return problems;
}
