/**
 * The award form's member picker: a debounced search over the community's members
 * (`badges.recipients`, moderators only), paged with "more", each with an "add" button; the chosen
 * members stay in the form's draft, so a failed search or submit never loses them. After the
 * feed's invite picker (`group-feed/invite.ts`); the search itself is `core/ui/member-search.ts`.
 */
import { MemberSearch } from '../../core/ui/member-search.js';
import type { ShelfUi } from './shelf-ui.js';

/** Members per page. */
export const PICKER_PAGE = 10;
/** Wait this long after the last keystroke before searching. */
export const PICKER_DEBOUNCE = 300;

export class MemberPicker extends MemberSearch {
  private started = false;

  constructor(ui: ShelfUi) {
    super(ui, {
      source: () => {
        const backend = ui.backend;
        return backend ? (query) => backend.badges.recipients(query) : undefined;
      },
      action: 'recipients',
      limit: PICKER_PAGE,
      debounce: PICKER_DEBOUNCE,
    });
  }

  /** Loads the first page once (when the form opens). */
  ensure(): void {
    if (this.started) return;
    this.started = true;
    // Not during the render that asked: the result arrives as a new render.
    queueMicrotask(() => void this.load(false));
  }

  override reset(): void {
    super.reset();
    this.started = false;
  }
}
