import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/**
 * What every command shares: `--json` (machine-readable output), `--lang nl|en` (one language
 * for every message of the run; the default follows the locale, LC_ALL / LC_MESSAGES / LANG,
 * Dutch for nl_*, else English), and passwords that never need to be a visible argument.
 */
export type CliLanguage = 'nl' | 'en';

/** The run's language: `--lang` anywhere on the command line, else the locale. */
export function cliLanguage(
  argv: string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): CliLanguage {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : null;
    if (value === 'nl' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_-]|$)/i.test(locale) ? 'nl' : 'en';
}

/** One message in the run's language. */
export function say(nl: string, en: string, lang: CliLanguage = cliLanguage()): string {
  return lang === 'nl' ? nl : en;
}

/** `--lang` on every command (read by cliLanguage from the command line, wherever it stands). */
export const LANG_OPTION = '--lang <language>';
export const LANG_HELP = 'language of the messages: nl or en (default: from LC_ALL / LC_MESSAGES / LANG)';

/** Adds `--json` and `--lang` to a command (every command has them). */
export function withCommonOptions(command: Command, jsonHelp = 'print JSON'): Command {
  return command.option('--json', jsonHelp).option(LANG_OPTION, LANG_HELP);
}

/** Adds the three ways to give a password; the plain argument stays for scripts but is discouraged. */
export function withPasswordOptions(command: Command, what = 'the password'): Command {
  return command
    .option('--password-stdin', `read ${what} from standard input (first line)`)
    .option(
      '--password <password>',
      `${what} as an argument (discouraged: visible in ps and the shell history; ` +
        'prefer --password-stdin, SPEERPUNT_PASSWORD or the prompt)',
    );
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new Error('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

export class PasswordMissingError extends Error {}

/**
 * The password, from (in this order) `--password-stdin`, the environment variable
 * SPEERPUNT_PASSWORD, `--password` (with a warning), or a hidden prompt on a terminal.
 */
export async function readPassword(
  options: { password?: string; passwordStdin?: boolean },
  lang: CliLanguage,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (options.passwordStdin) return readFirstLine(process.stdin);
  if (env.SPEERPUNT_PASSWORD) return env.SPEERPUNT_PASSWORD;
  if (options.password !== undefined) {
    process.stderr.write(
      say(
        'Let op: een wachtwoord als argument is zichtbaar in ps en de shellgeschiedenis; gebruik ' +
          'liever --password-stdin of SPEERPUNT_PASSWORD.\n',
        'Warning: a password as an argument is visible in ps and the shell history; prefer ' +
          '--password-stdin or SPEERPUNT_PASSWORD.\n',
        lang,
      ),
    );
    return options.password;
  }
  if (process.stdin.isTTY) {
    const first = await promptHidden(say('Wachtwoord: ', 'Password: ', lang));
    const second = await promptHidden(say('Nogmaals: ', 'Again: ', lang));
    if (first !== second)
      throw new PasswordMissingError(say('De wachtwoorden verschillen.', 'The passwords differ.', lang));
    return first;
  }
  throw new PasswordMissingError(
    say(
      'Geen wachtwoord: gebruik --password-stdin, SPEERPUNT_PASSWORD of een terminal voor de vraag.',
      'No password: use --password-stdin, SPEERPUNT_PASSWORD or a terminal for the prompt.',
      lang,
    ),
  );
}

/** The version in the package.json of the installed platform (found upwards from this file). */
export function packageVersion(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const parsed = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'speerpunt' && parsed.version) return parsed.version;
    }
    directory = path.dirname(directory);
  }
  return '0.0.0';
}
