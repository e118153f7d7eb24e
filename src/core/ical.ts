/**
 * A small iCalendar (RFC 5545) writer: enough for "add to calendar" of a "Mach mit!" call and
 * the occupancy export of the booking calendar. Text values are escaped (§3.3.11), lines are
 * folded at 75 octets without splitting a UTF-8 sequence (§3.1), lines end with CRLF, and times
 * are written in UTC (`…Z`), so no VTIMEZONE is needed.
 */

export interface ICalEvent {
  /** Globally unique and stable, so a second import updates the event instead of duplicating it. */
  uid: string;
  /** An instant, or a calendar day `YYYY-MM-DD` for an all-day event. */
  start: Date | string;
  /**
   * Default: one hour after an instant; the next day after a calendar day. For all-day events
   * the end day is exclusive, as RFC 5545 wants (a booking of 3–5 May ends on `…-06`).
   */
  end?: Date | string | undefined;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  /** When this calendar object was created (DTSTAMP); default now. */
  stamp?: Date | string | undefined;
}

export interface ICalOptions {
  /** PRODID, e.g. `-//Dorfplatz//Group feed//DE`. */
  prodId?: string;
  /** X-WR-CALNAME shown by calendar apps for subscribed feeds. */
  name?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, '\\n');
}

/** `20261128T090000Z` */
export function formatUtc(value: Date | string): string {
  return new Date(value).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Folds one content line into chunks of at most 75 octets, continuation lines start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 plus the leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A complete VCALENDAR document with one VEVENT per event, CRLF line endings. */
export function toICalendar(events: readonly ICalEvent[], options: ICalOptions = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId ?? '-//Dorfplatz//Dorfplatz//EN'}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) {
    let when: string[];
    if (typeof event.start === 'string' && CALENDAR_DAY.test(event.start)) {
      const end = typeof event.end === 'string' && CALENDAR_DAY.test(event.end) ? event.end : nextDay(event.start);
      when = [`DTSTART;VALUE=DATE:${event.start.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${end.replace(/-/g, '')}`];
    } else {
      const start = new Date(event.start);
      const end = event.end ? new Date(event.end) : new Date(start.getTime() + 3_600_000);
      when = [`DTSTART:${formatUtc(start)}`, `DTEND:${formatUtc(end)}`];
    }
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${formatUtc(event.stamp ?? new Date())}`,
      ...when,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url && /^https?:\/\//i.test(event.url)) lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Offers an .ics text as a file download (the browser opens the calendar app or saves it). */
export function downloadICalendar(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.ics') ? fileName : `${fileName}.ics`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
