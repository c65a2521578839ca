/** Today's calendar date in Europe/Brussels as 'YYYY-MM-DD' (memberships are valid per Brussels day). */
export function brusselsToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
