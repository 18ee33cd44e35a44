/**
 * Calendar days and times of day as the app writes them: YYYY-MM-DD and HH:MM, in the
 * device's local time (what the user calls "today"), and whether a typed day exists.
 */

/** A real day written YYYY-MM-DD: "2027-02-29" and "2026-11-31" are not (Date.parse would roll them over). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar date, YYYY-MM-DD (what the user calls "today"). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local time of day, HH:MM. */
export function localTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A calendar day moved by whole days (negative goes back), across months and years. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` later (the last day of the month when that month is shorter). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The day, month and year of YYYY-MM-DD as a Vietnamese administrative document writes them
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I: "đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1,
 * 2 phải ghi thêm số 0 phía trước"): days 1–9 and months 1 and 2 take a leading zero, nothing
 * else does — "ngày 05 tháng 01 năm 2027", "ngày 10 tháng 6 năm 2027", "ngày 30 tháng 12 năm 2027".
 */
export function documentDateParts(date: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = date.split('-');
  const monthNumber = Number(month);
  return {
    day: String(Number(day)).padStart(2, '0'),
    month: monthNumber <= 2 ? String(monthNumber).padStart(2, '0') : String(monthNumber),
    year,
  };
}

/** The same rule written short, as a document's body gives dates: "01/6/2027", "05/01/2027". */
export function documentDate(date: string): string {
  const { day, month, year } = documentDateParts(date);
  return `${day}/${month}/${year}`;
}
