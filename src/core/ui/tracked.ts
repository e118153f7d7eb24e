/**
 * For a widget's lazily loaded view object (not an element itself): a field whose every
 * assignment re-renders the view's `host`, like Lit's `@state()` does on an element.
 */
export function tracked(prototype: object, name: string): void {
  const key = Symbol(name);
  Object.defineProperty(prototype, name, {
    get(this: { [key]: unknown }) {
      return this[key];
    },
    set(this: { [key]: unknown; host: { requestUpdate(): void } }, value: unknown) {
      this[key] = value;
      this.host.requestUpdate();
    },
  });
}
