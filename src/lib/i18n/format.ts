/**
 * Formatting for display: content text in a language, durations, dates, percentages.
 * Pure functions of their arguments, so they are easy to test and to reuse in exports.
 */
/** 75_000 → "1:15"; 3_725_000 → "1:02:05". Rounds down to whole seconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Intl needs a real locale; key-only mode formats like Vietnamese. */
const intlLocale = (language: string) => (language === 'cimode' ? 'vi' : language);

/**
 * One formatter per language and kind, made once: building an Intl formatter costs far more
 * than using one, and an export of 100,000 rows formats a date on every row.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  language: string,
  make: (locale: string) => T,
): T {
  const key = `${kind}|${language}`;
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make(intlLocale(language));
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(iso: string, language: string): string {
  return formatter(
    'date-time',
    language,
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in the language's short form, without shifting time zones. */
export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return formatter(
    'date',
    language,
    (locale) =>
      new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export function formatNumber(value: number, language: string): string {
  return formatter('number', language, (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** 0.54 → "54 %" (vi) / "54%" (en), whole percents. */
export function formatPercent(share: number, language: string): string {
  return formatter(
    'percent',
    language,
    (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(share);
}

/** A size in bytes as megabytes, one decimal: 12_582_912 → "12,0 MB" (vi) / "12.0 MB" (en). */
export function formatMegabytes(bytes: number, language: string): string {
  const value = formatter(
    'megabytes',
    language,
    (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ).format(bytes / (1024 * 1024));
  return `${value} MB`;
}
