import type { Command } from 'commander';

/**
 * Every CLI command group, loaded on demand: `speerpunt <name> …` imports only the module of
 * that group (and what it uses), so a command starts without loading the whole server. The
 * descriptions here are what `speerpunt --help` lists without loading any group. A feature
 * module adds its group here: the top-level names it registers, a description and its loader.
 */
export interface CommandGroup {
  /** The top-level commands the module registers, with what `speerpunt --help` says of each. */
  commands: Record<string, string>;
  load: () => Promise<(program: Command) => void>;
}

export const commandGroups: CommandGroup[] = [
  {
    commands: {
      serve: 'Serve the API and the web app (migrates first; loads demo data on a new embedded database)',
    },
    load: async () => (await import('./serve')).registerServe,
  },
  {
    commands: {
      backup: 'A consistent snapshot of the database (embedded: while the server runs; PostgreSQL: pg_dump)',
      restore: 'Load a backup into an empty data directory',
    },
    load: async () => (await import('./backup')).registerBackup,
  },
  {
    commands: { migrate: 'Run pending database migrations' },
    load: async () => (await import('./migrate')).registerMigrate,
  },
  {
    commands: { user: 'Accounts and roles' },
    load: async () => (await import('./user')).registerUser,
  },
  {
    commands: { demo: 'Demo data (invented, labelled as example data)' },
    load: async () => (await import('./demo')).registerDemo,
  },
  {
    commands: { audit: 'The append-only audit trail' },
    load: async () => (await import('./audit')).registerAudit,
  },
  {
    commands: { calls: 'Open calls for proposals' },
    load: async () => (await import('./calls')).registerCalls,
  },
  {
    commands: {
      assign: 'Optimal expert assignment (min-cost flow) from a JSON instance; prints JSON',
      rank: 'Ranking with thresholds, tie-break rules and the budget cut-off from a JSON input',
    },
    load: async () => (await import('./review')).registerReview,
  },
  {
    commands: { policy: 'Policy analytics (coverage, footprint, scenarios)' },
    load: async () => (await import('./policy')).registerPolicy,
  },
  {
    commands: {
      reminders:
        'Partnership reminders: due and overdue actions, report deadlines, open KPI validations, weekly digests',
    },
    load: async () => (await import('./partnership-reminders')).registerPartnershipReminders,
  },
  {
    commands: { funding: 'Funding lines, budgets and the state-aid register' },
    load: async () => (await import('./funding')).registerFunding,
  },
  {
    commands: {
      import: 'Import open data into the platform (import kbo: the enterprise register)',
      kbo: 'Enterprise register (KBO) tools (kbo generate: register-format files of any size)',
    },
    load: async () => (await import('./kbo')).registerKbo,
  },
  {
    commands: { kpis: 'The KPI framework: standard library, CORDIS import, reporting periods' },
    load: async () => (await import('./kpis')).registerKpis,
  },
];

/**
 * Registers what a command line needs: the one group it names (or, for `help <name>`, that
 * group), otherwise a light entry per group so that `--help` lists them all without loading any.
 */
export async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const wanted = words[0] === 'help' ? words[1] : words[0];
  const group = commandGroups.find((g) => wanted !== undefined && Object.hasOwn(g.commands, wanted));
  if (group) {
    (await group.load())(program);
    return;
  }
  for (const g of commandGroups)
    for (const [name, description] of Object.entries(g.commands))
      program
        .command(name)
        .description(description)
        .allowUnknownOption()
        .allowExcessArguments()
        .action(async () => {
          // Only reached when the group could not be chosen from the command line (an option
          // before the command name): load it and parse again.
          const fresh = program.createCommand(program.name());
          (await g.load())(fresh);
          await fresh.parseAsync(argv);
        });
}
