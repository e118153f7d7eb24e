/**
 * The window of a long feed: pages are fetched from the backend by cursor, at most `maxPages`
 * stay rendered, and the window slides both ways. So the DOM stays bounded however far a
 * visitor scrolls through 10,000 posts, and going back up re-fetches instead of keeping
 * everything in memory. Only the cursors (short strings) are remembered for every page.
 */
import type { Page, Post } from '../../data/schema/index.js';

export type PageLoader = (cursor: string | null) => Promise<Page<Post>>;

export class FeedWindow {
  /** The rendered pages, oldest last. */
  pages: Post[][] = [];
  /** Index of `pages[0]` among all pages of the feed. */
  first = 0;
  /** `cursors[i]` fetches page `i`; page 0 is fetched without a cursor. */
  private cursors: (string | null)[] = [null];
  /** The cursor of the page after the window, `null` at the end of the feed. */
  private after: string | null = null;

  constructor(readonly maxPages = 2) {}

  /** Starts over with the first page. */
  reset(page: Page<Post>): void {
    this.pages = [page.items];
    this.first = 0;
    this.cursors = [null, page.nextCursor];
    this.after = page.nextCursor;
  }

  get posts(): Post[] {
    return this.pages.flat();
  }

  get hasNewer(): boolean {
    return this.first > 0;
  }

  get hasOlder(): boolean {
    return this.after !== null;
  }

  /** Appends the next older page; drops the newest rendered page when the window is full. */
  async older(load: PageLoader): Promise<boolean> {
    if (this.after === null) return false;
    const index = this.first + this.pages.length;
    const page = await load(this.after);
    this.cursors[index + 1] = page.nextCursor;
    this.pages = [...this.pages, page.items];
    this.after = page.nextCursor;
    if (this.pages.length > this.maxPages) {
      this.pages = this.pages.slice(1);
      this.first += 1;
    }
    return true;
  }

  /** Prepends the previous (newer) page; drops the oldest rendered page when the window is full. */
  async newer(load: PageLoader): Promise<boolean> {
    if (this.first === 0) return false;
    const index = this.first - 1;
    const page = await load(this.cursors[index] ?? null);
    this.pages = [page.items, ...this.pages];
    this.first = index;
    if (this.pages.length > this.maxPages) {
      this.pages = this.pages.slice(0, this.maxPages);
      this.after = this.cursors[this.first + this.pages.length] ?? null;
    }
    return true;
  }

  /** Replaces a post wherever it is shown; returns whether it was. */
  replace(post: Post): boolean {
    let found = false;
    this.pages = this.pages.map((page) => page.map((p) => (p.id === post.id ? ((found = true), post) : p)));
    return found;
  }

  remove(postId: string): void {
    this.pages = this.pages.map((page) => page.filter((p) => p.id !== postId));
  }

  /** A new post on top, when the window shows the top of the feed. */
  prepend(post: Post): void {
    if (this.first !== 0 || this.pages.some((page) => page.some((p) => p.id === post.id))) return;
    const [top = [], ...rest] = this.pages;
    this.pages = [[post, ...top], ...rest];
  }
}
