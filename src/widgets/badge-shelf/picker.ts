/**
 * The award form's member picker: a debounced search over the community's members
 * (`badges.recipients`, moderators only), paged with "more", each with an "add" button; the chosen
 * members stay in the form's draft, so a failed search or submit never loses them. After the
 * feed's invite picker (`group-feed/invite.ts`).
 */
import { BackendError } from '../../data/backend.js';
import type { PublicMember } from '../../data/schema/index.js';
import type { ShelfUi } from './shelf-ui.js';

/** Members per page. */
export const PICKER_PAGE = 10;
/** Wait this long after the last keystroke before searching. */
export const PICKER_DEBOUNCE = 300;

export class MemberPicker {
  query = '';
  items: PublicMember[] = [];
  next: string | null = null;
  loading = false;
  /** Whether a first page has arrived. */
  loaded = false;
  /** At the search field: a problem with what was typed. */
  fieldError: string | undefined;
  /** At the list: the search failed. */
  listError: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  /** Only the newest search may fill the list. */
  private seq = 0;

  constructor(private readonly ui: ShelfUi) {}

  /** Loads the first page once (when the form opens). */
  ensure(): void {
    if (this.started) return;
    this.started = true;
    // Not during the render that asked: the result arrives as a new render.
    queueMicrotask(() => void this.load(false));
  }

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
    this.started = false;
  }

  /** Typing: search again once the moderator pauses. */
  type(value: string): void {
    this.query = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(false), PICKER_DEBOUNCE);
  }

  /** Enter: search now. */
  searchNow(): void {
    clearTimeout(this.timer);
    void this.load(false);
  }

  /** The first page for the query, or (`more`) the next one. */
  async load(more: boolean): Promise<void> {
    const backend = this.ui.backend;
    if (!backend || (more && !this.next)) return;
    const seq = ++this.seq;
    const q = this.query.trim();
    this.loading = true;
    this.ui.requestUpdate();
    try {
      const page = await backend.badges.recipients({ limit: PICKER_PAGE, ...(q && { q }), ...(more && { cursor: this.next }) });
      if (seq !== this.seq) return;
      this.items = more ? [...this.items, ...page.items.filter((m) => !this.items.some((i) => i.id === m.id))] : page.items;
      this.next = page.nextCursor;
      this.fieldError = undefined;
      this.listError = undefined;
    } catch (error) {
      if (seq !== this.seq) return;
      this.ui.fail(error, 'recipients');
      const issue = BackendError.is(error, 'validation') ? error.issues[0] : undefined;
      if (issue && issue.path !== 'cursor') {
        this.fieldError = this.ui.describe({ ...issue, path: 'q' });
        this.listError = undefined;
      } else {
        this.fieldError = undefined;
        this.listError = this.ui.sentence(error);
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
      this.ui.requestUpdate();
    }
  }
}
