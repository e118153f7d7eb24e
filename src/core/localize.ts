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
  const key = primary(language);
  const base = (catalogues.get(key) ?? en) as unknown as Record<string, unknown>;
  catalogues.set(key, mergeInto(base, messages as Record<string, unknown>) as unknown as Messages);
  for (const host of connectedHosts) host.requestUpdate();
}

const primary = (lang: string) => lang.toLowerCase().split('-')[0]!;

export function catalogueFor(lang: string): Messages {
  return catalogues.get(primary(lang)) ?? en;
}

/**
 * A widget's or domain's own messages, loaded only with the code that shows them. English
 * defines the shape and German must match it; `issues` in a section are field messages for
 * that domain's issue codes (e.g. `booking.leadTime`) and join the shared lookup on import.
 */
export interface MessageSection<T> {
  readonly name: string;
  readonly byLanguage: Map<string, T>;
}

type IssueTable = Record<string, Message>;
const issueTables = new Map<string, IssueTable>();

function addIssues(language: string, issues: unknown) {
  if (!issues || typeof issues !== 'object') return;
  issueTables.set(language, { ...issueTables.get(language), ...(issues as IssueTable) });
}

export function defineMessages<T extends object>(name: string, messages: { en: T; de: NoInfer<T> }): MessageSection<T> {
  const section: MessageSection<T> = { name, byLanguage: new Map<string, T>([['en', messages.en], ['de', messages.de]]) };
  for (const [language, catalogue] of section.byLanguage) addIssues(language, (catalogue as { issues?: unknown }).issues);
  return section;
}

/** Adds a language to a section, or overrides parts of one; missing messages fall back to English. */
export function extendMessages<T extends object>(section: MessageSection<T>, language: string, messages: DeepPartial<T>): void {
  const key = primary(language);
  const base = (section.byLanguage.get(key) ?? section.byLanguage.get('en')!) as unknown as Record<string, unknown>;
  const merged = mergeInto(base, messages as Record<string, unknown>) as unknown as T;
  section.byLanguage.set(key, merged);
  addIssues(key, (merged as { issues?: unknown }).issues);
  for (const host of connectedHosts) host.requestUpdate();
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

  /** A section's messages in the current language (English where it has none). */
  of<T>(section: MessageSection<T>): T {
    return section.byLanguage.get(primary(this.lang)) ?? section.byLanguage.get('en')!;
  }

  /**
   * The words for one field issue: the current language's domain and shared messages, then
   * English, then a generic "please check this entry".
   */
  issue(issue: FieldIssue): string {
    const language = primary(this.lang);
    const shared = this.t.issues as IssueTable;
    const message =
      issueTables.get(language)?.[issue.code] ??
      shared[issue.code] ??
      issueTables.get('en')?.[issue.code] ??
      (en.issues as IssueTable)[issue.code] ??
      shared.invalid;
    return renderMessage(message, issue.params ?? {}, this.format);
  }

  /**
   * The sentence for a failed backend call: the specific reason when the adapter named one that
   * has words (`forbidden` with `feed.groupClosed`), else the sentence for its code.
   */
  error(error: BackendError): string {
    const reason = error.code === 'validation' ? undefined : error.details.issues?.[0]?.code ?? error.message;
    if (reason && this.hasIssueText(reason)) return this.issue({ path: '', code: reason, params: error.details.issues?.[0]?.params ?? {} });
    return this.msg((t) => t.errors[error.code], { retryAfter: error.details.retryAfter ?? 0 });
  }

  private hasIssueText(code: string): boolean {
    return (
      code in (this.t.issues as IssueTable) ||
      code in (en.issues as IssueTable) ||
      Boolean(issueTables.get(primary(this.lang))?.[code] ?? issueTables.get('en')?.[code])
    );
  }
}
