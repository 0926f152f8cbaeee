/**
 * Dates from a server, read strictly: an RFC 3339 date-time (`2026-04-21T12:19:00.148846Z`,
 * `…+05:30`, fractions of any length), and nothing else. A time without a zone is read as UTC, as
 * SuprSend's answers carry `Z`: the same answer means the same instant under any `TZ`. Impossible
 * dates (`2021-06-31`), RFC 2822, US-style and bare numbers are unknown (undefined), never a guess:
 * `Date.parse` reads "0", "1", "May 5" or "N/A 0" as days in 2000 and 2001.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Milliseconds since the epoch, or undefined when `text` is not an RFC 3339 date-time that exists. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  // Second 60 is a leap second (RFC 3339 allows it): read as the next second.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millis = Number(((m[7] ?? '') + '000').slice(0, 3));
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, millis);
  const sign = m[9] === '-' ? -1 : 1;
  return at.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}
