/**
 * Localization: which catalogue and `Intl` locale an element uses, and the messages in it.
 *
 * The locale comes from, in order: the element's own `lang`, its provider's `lang`, the
 * nearest ancestor with `lang`, `<html lang>`, then English. German and English ship
 * complete; other catalogues can be registered partially and fall back to English per message.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldIssue, BackendError } from '../data/backend.js';
import { de } from '../i18n/de.js';
import { en, type Message, type Messages } from '../i18n/en.js';
import { DEFAULT_TIME_ZONE } from './context.js';
import { createFormatters, type Formatters } from './format.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends (...args: never[]) => unknown ? T[K] : DeepPartial<T[K]>) : T[K] };

const catalogues = new Map<string, Messages>([
  ['en', en],
  ['de', de],
]);

function mergeInto(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? mergeInto(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return merged;
}

/**
 * Adds or extends a catalogue, e.g. `registerMessages('fr', { common: { loading: 'Chargement…' } })`.
 * Missing messages fall back to English.
 */
export function registerMessages(language: string, messages: DeepPartial<Messages>): void {
  const key = language.toLowerCase().split('-')[0]!;
  const base = (catalogues.get(key) ?? en) as unknown as Record<string, unknown>;
  catalogues.set(key, mergeInto(base, messages as Record<string, unknown>) as unknown as Messages);
  for (const host of connectedHosts) host.requestUpdate();
}

export function catalogueFor(lang: string): Messages {
  return catalogues.get(lang.toLowerCase().split('-')[0]!) ?? en;
}

/** Renders one message with its parameters. */
export function renderMessage(message: Message | undefined, params: Record<string, string | number>, f: Formatters): string {
  if (message === undefined) return '';
  return typeof message === 'function' ? message(params, f) : message;
}

// `<html lang>` can change after load (language switchers); every connected host re-renders.
const connectedHosts = new Set<ReactiveControllerHost>();
let documentObserver: MutationObserver | undefined;
function observeDocumentLang() {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => {
    for (const host of connectedHosts) host.requestUpdate();
  });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/** What a host offers the controller: itself, and its provider's settings when it has one. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  readonly providerLocale: string | null;
  readonly providerTimeZone: string | null;
}

export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    connectedHosts.add(this.host);
    observeDocumentLang();
  }

  hostDisconnected(): void {
    connectedHosts.delete(this.host);
  }

  /** The BCP 47 tag used for `Intl`, e.g. `de-DE` or `en`. */
  get lang(): string {
    const own = this.host.getAttribute('lang');
    const inherited = this.host.closest('[lang]')?.getAttribute('lang');
    return own || this.host.providerLocale || inherited || document.documentElement.lang || 'en';
  }

  get dir(): 'ltr' | 'rtl' {
    const own = this.host.getAttribute('dir') || this.host.closest('[dir]')?.getAttribute('dir') || document.documentElement.dir;
    return own === 'rtl' ? 'rtl' : 'ltr';
  }

  get timeZone(): string {
    return this.host.providerTimeZone || DEFAULT_TIME_ZONE;
  }

  /** The catalogue for the current locale. */
  get t(): Messages {
    return catalogueFor(this.lang);
  }

  get format(): Formatters {
    return createFormatters(this.lang, this.timeZone);
  }

  /** A message from the catalogue with parameters: `msg(t => t.errors['rate-limited'], { retryAfter: 30 })`. */
  msg(pick: (t: Messages) => Message | undefined, params: Record<string, string | number> = {}): string {
    const f = this.format;
    return renderMessage(pick(this.t) ?? pick(en), params, f);
  }

  /** The words for one field issue; unknown codes fall back to a generic message. */
  issue(issue: FieldIssue): string {
    const issues = this.t.issues as Record<string, Message>;
    const message = issues[issue.code] ?? (en.issues as Record<string, Message>)[issue.code] ?? issues.invalid;
    return renderMessage(message, issue.params ?? {}, this.format);
  }

  /** The sentence for a failed backend call. */
  error(error: BackendError): string {
    return this.msg((t) => t.errors[error.code], { retryAfter: error.details.retryAfter ?? 0 });
  }
}
