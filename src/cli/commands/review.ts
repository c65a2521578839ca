import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { AppError } from '../../server/errors/app-error';
import { detailsFromIssues } from '../../server/errors/zod-details';
import { printJson } from '../output';
import { cliLanguage, withCommonOptions } from '../cli-options';
import { wordAssignmentReasons } from '../../shared/assignment-wording';
import { solveAssignment } from '../../server/modules/assignment/solve-assignment';
import {
  AssignmentInstanceSchema,
  isWellFormedInstance,
} from '../../server/modules/assignment/assignment.schema';
import { rankProposals } from '../../server/modules/ranking/rank-proposals';
import { RankingInputSchema } from '../../server/modules/ranking/ranking.schema';

/** Reads a JSON file (or stdin for "-") and checks it against a schema; errors are catalogued. */
function readInput<T extends z.ZodType>(
  path: string,
  schema: T,
  /** A quicker check with the same acceptance; the schema runs (and names the fields) when it says no. */
  quick?: (value: unknown) => value is z.infer<T>,
): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path === '-' ? 0 : path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError('INVALID_JSON');
    throw error;
  }
  if (quick?.(parsed)) return parsed;
  const result = schema.safeParse(parsed);
  if (!result.success)
    throw new AppError('VALIDATION_FAILED', { details: detailsFromIssues(result.error.issues, '') });
  return result.data;
}

/**
 * `speerpunt assign` and `speerpunt rank`: the solver and the ranking rules as pure JSON-in, JSON-out tools
 * (no database).
 */
export function registerReview(program: Command): void {
  withCommonOptions(
    program
      .command('assign')
      .description(
        'Optimal expert assignment (min-cost flow) from a JSON instance; prints JSON. ' +
          'Exit code 2 when no full assignment exists.',
      )
      .requiredOption('--input <file>', 'instance JSON ("-" for stdin); format in docs/review.md'),
    'JSON output (always: this tool prints JSON)',
  ).action((options: { input: string }) => {
    const result = wordAssignmentReasons(
      solveAssignment(readInput(options.input, AssignmentInstanceSchema, isWellFormedInstance)),
      cliLanguage(),
    );
    printJson(result);
    if (!result.feasible) process.exitCode = 2;
  });

  withCommonOptions(
    program
      .command('rank')
      .description(
        'Ranking with thresholds, tie-break rules and the budget cut-off from a JSON input; prints JSON',
      )
      .requiredOption('--input <file>', 'ranking JSON ("-" for stdin); format in docs/review.md')
      .option('--budget <cents>', 'what-if: another budget envelope in euro cents'),
    'JSON output (always: this tool prints JSON)',
  ).action((options: { input: string; budget?: string }) => {
    const input = readInput(options.input, RankingInputSchema);
    let budgetCents: number | undefined;
    if (options.budget !== undefined) {
      if (!/^\d+$/.test(options.budget))
        throw new AppError('RANKING_INPUT_INVALID', {
          details: [
            {
              path: 'budget',
              code: 'invalid_amount',
              message: {
                nl: 'Het budget is een geheel aantal cent.',
                en: 'The budget is a whole number of cents.',
              },
            },
          ],
        });
      budgetCents = Number(options.budget);
    }
    printJson(rankProposals(input, { budgetCents }));
  });
}
