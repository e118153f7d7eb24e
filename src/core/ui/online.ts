/**
 * Whether the browser is online, for a widget's "offline" status. A controller, so that every widget
 * listens (and stops listening) the same way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OnlineController implements ReactiveController {
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  // The controller is its own listener (`handleEvent`): nothing to bind, the same object to remove.
  hostConnected(): void {
    window.addEventListener('online', this);
    window.addEventListener('offline', this);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this);
    window.removeEventListener('offline', this);
  }

  handleEvent(): void {
    // Like a `@state()`: the host renders again only when the value changes.
    if (this.online === navigator.onLine) return;
    this.online = navigator.onLine;
    this.host.requestUpdate();
  }
}
