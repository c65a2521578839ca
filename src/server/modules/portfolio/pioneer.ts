import { isStartUp } from './sme-classification';

/** Months after a first participation during which a company still counts as a first-timer. */
export const FIRST_TIMER_MONTHS = 12;

function minusMonths(today: string, months: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

export interface PioneerStatus {
  isPioneer: boolean;
  isStartUp: boolean;
  isFirstTimer: boolean;
}

/**
 * A pioneer is a company that is a start-up (founded fewer than `years` years ago, a setting) or
 * that joined a cluster or a consortium for the first time (its first participation started
 * within the last twelve months). Other helix categories are never pioneers.
 */
export function pioneerStatus(
  input: { helix: string; foundedOn: string | null; firstParticipationOn: string | null },
  today: string,
  years: number,
): PioneerStatus {
  if (input.helix !== 'company') return { isPioneer: false, isStartUp: false, isFirstTimer: false };
  const startUp = isStartUp(input.foundedOn, today, years);
  const firstTimer =
    input.firstParticipationOn !== null &&
    input.firstParticipationOn > minusMonths(today, FIRST_TIMER_MONTHS) &&
    input.firstParticipationOn <= today;
  return { isPioneer: startUp || firstTimer, isStartUp: startUp, isFirstTimer: firstTimer };
}
