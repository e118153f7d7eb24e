/**
 * Locale- and time-zone-aware formatting through `Intl`, with formatter instances cached
 * (constructing `Intl` objects is the expensive part when a list renders hundreds of dates).
 */
export interface Formatters {
  readonly locale: string;
  readonly timeZone: string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A byte count as kB/MB. */
  bytes(value: number): string;
  /** A duration given in seconds, e.g. "2 Std. 30 Min." / "2 hr, 30 min". */
  duration(seconds: number): string;
  /** A number of whole days, e.g. "3 Tage". */
  days(count: number): string;
  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  time(value: Date | string | number): string;
  /** "in 3 days", "vor 2 Stunden" relative to `now`. */
  relative(value: Date | string | number, now?: Date): string;
  list(items: string[], type?: Intl.ListFormatType): string;
  money(minorUnits: number, currency: string): string;
}

const cache = new Map<string, unknown>();
function cached<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

export function createFormatters(locale: string, timeZone: string): Formatters {
  const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
    cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const dateFormat = (options: Intl.DateTimeFormatOptions) =>
    cached(`d|${locale}|${timeZone}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { timeZone, ...options }));
  const unit = (value: number, unitName: string) =>
    numberFormat({ style: 'unit', unit: unitName, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);

  return {
    locale,
    timeZone,
    number: (value, options) => numberFormat(options).format(value),
    bytes: (value) =>
      value >= 1024 * 1024
        ? numberFormat({ style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(value / (1024 * 1024))
        : numberFormat({ style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.ceil(value / 1024)),
    duration: (seconds) => {
      const parts: string[] = [];
      const days = Math.floor(seconds / 86_400);
      const hours = Math.floor((seconds % 86_400) / 3_600);
      // Seconds only matter for short waits ("1 minute, 30 seconds"), not for lead times.
      const withSeconds = seconds < 600;
      const minutes = withSeconds ? Math.floor((seconds % 3_600) / 60) : Math.round((seconds % 3_600) / 60);
      const rest = withSeconds ? Math.round(seconds % 60) : 0;
      if (days) parts.push(unit(days, 'day'));
      if (hours) parts.push(unit(hours, 'hour'));
      if (minutes) parts.push(unit(minutes, 'minute'));
      if (rest || parts.length === 0) parts.push(unit(rest, parts.length === 0 && !withSeconds ? 'minute' : 'second'));
      return cached(`l|${locale}|unit`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'long' })).format(parts);
    },
    days: (count) => unit(count, 'day'),
    date: (value, options = { dateStyle: 'medium' }) => dateFormat(options).format(toDate(value)),
    dateTime: (value, options = { dateStyle: 'medium', timeStyle: 'short' }) => dateFormat(options).format(toDate(value)),
    time: (value) => dateFormat({ timeStyle: 'short' }).format(toDate(value)),
    relative: (value, now = new Date()) => {
      const diff = (toDate(value).getTime() - now.getTime()) / 1000;
      const format = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
      for (const [name, seconds] of RELATIVE_STEPS) {
        if (Math.abs(diff) >= seconds || name === 'second') return format.format(Math.round(diff / seconds), name);
      }
      return '';
    },
    list: (items, type = 'conjunction') =>
      cached(`l|${locale}|${type}`, () => new Intl.ListFormat(locale, { type })).format(items),
    money: (minorUnits, currency) => numberFormat({ style: 'currency', currency }).format(minorUnits / 100),
  };
}
