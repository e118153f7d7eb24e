/**
 * A debounced, paged search over community members, as the member pickers use it (the feed's
 * invite picker, the badge shelf's recipient picker): the query, the members found so far, the
 * cursor for "more", a sequence guard so only the newest search fills the list, and the two kinds
 * of error — a problem with what was typed (at the field) or a failed search (at the list).
 */
import { BackendError, type FieldIssue } from '../../data/backend.js';
import type { CandidateQuery, Page, PublicMember } from '../../data/schema/index.js';

/** What the search needs from the widget that shows it. */
export interface MemberSearchHost {
  requestUpdate(): void;
  /** Reports a failed call (`action` names it). */
  fail(error: unknown, action: string): void;
  /** A field issue in words. */
  describe(issue: FieldIssue): string;
  /** A failed call in words. */
  sentence(error: unknown): string;
}

/** One page of members for a query. */
export type MemberPageFetcher = (query: CandidateQuery) => Promise<Page<PublicMember>>;

export interface MemberSearchOptions {
  /** The page fetcher right now, or `undefined` while there is nothing to search (no backend…). */
  source: () => MemberPageFetcher | undefined;
  /** The action named when a search fails. */
  action: string;
  /** Members per page. */
  limit: number;
  /** Wait this long (ms) after the last keystroke before searching. */
  debounce: number;
}

export class MemberSearch {
  query = '';
  items: PublicMember[] = [];
  next: string | null = null;
  loading = false;
  /** Whether a first page has arrived (or failed) since the last reset. */
  loaded = false;
  /** At the search field: a problem with what was typed. */
  fieldError: string | undefined;
  /** At the list: the search failed. */
  listError: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the newest search may fill the list. */
  private seq = 0;

  constructor(
    private readonly host: MemberSearchHost,
    private readonly options: MemberSearchOptions,
  ) {}

  /** Back to the start; an answer still on its way is dropped. */
  reset(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.query = '';
    this.items = [];
    this.next = null;
    this.loading = false;
    this.loaded = false;
    this.fieldError = undefined;
    this.listError = undefined;
  }

  /** Typing: search again once the visitor pauses. */
  type(value: string): void {
    this.query = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(false), this.options.debounce);
  }

  /** Enter: search now. */
  searchNow(): void {
    clearTimeout(this.timer);
    void this.load(false);
  }

  /** The first page for the query, or (`more`) the next one. */
  async load(more: boolean): Promise<void> {
    const fetchPage = this.options.source();
    if (!fetchPage || (more && !this.next)) return;
    const seq = ++this.seq;
    const q = this.query.trim();
    this.loading = true;
    this.host.requestUpdate();
    try {
      const page = await fetchPage({ limit: this.options.limit, ...(q && { q }), ...(more && { cursor: this.next }) });
      if (seq !== this.seq) return;
      this.items = more ? [...this.items, ...page.items.filter((m) => !this.items.some((i) => i.id === m.id))] : page.items;
      this.next = page.nextCursor;
      this.fieldError = undefined;
      this.listError = undefined;
    } catch (error) {
      if (seq !== this.seq) return;
      this.host.fail(error, this.options.action);
      const issue = BackendError.is(error, 'validation') ? error.issues[0] : undefined;
      if (issue && issue.path !== 'cursor') {
        this.fieldError = this.host.describe({ ...issue, path: 'q' });
        this.listError = undefined;
      } else {
        this.fieldError = undefined;
        this.listError = this.host.sentence(error);
      }
      if (!more) {
        this.items = [];
        this.next = null;
      }
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.loaded = true;
      }
      this.host.requestUpdate();
    }
  }
}
