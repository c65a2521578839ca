/** The calendar date in Brussels of an instant, as 'YYYY-MM-DD'. */
export function brusselsDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
