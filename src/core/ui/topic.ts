/**
 * A widget's live changes: follows one topic of the backend serving it. A controller, so that every
 * widget subscribes, moves to another backend or topic, and cleans up the same way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Backend, Topic } from '../../data/backend.js';
import type { Change } from '../../data/schema/index.js';

/** A widget: its backend as its view sees it (`null` until there is one). */
export type TopicHost = ReactiveControllerHost & { readonly api: Backend | null };

/**
 * A widget keeps it in a `protected readonly` field: nothing reads it (it works through the
 * lifecycle), and TypeScript reports a `private` field that nothing reads.
 */
export class TopicController implements ReactiveController {
  private unsubscribe?: (() => void) | undefined;
  private backend?: Backend | null | undefined;
  private subscribedTo?: Topic | '';

  /**
   * Add it before the host's data `Task`: its check then runs before the task's in the same
   * update, so the subscription starts before the read it keeps fresh.
   * @param topic The topic now, `''` for none (e.g. no group chosen yet).
   */
  constructor(
    private readonly host: TopicHost,
    private readonly topic: () => Topic | '',
    private readonly listener: (change: Change) => void,
  ) {
    host.addController(this);
  }

  /** Before every render (after the host's `willUpdate`): a new backend or topic subscribes again. */
  hostUpdate(): void {
    const backend = this.host.api;
    const topic = this.topic();
    if (backend === this.backend && topic === this.subscribedTo) return;
    this.unsubscribe?.();
    this.backend = backend;
    this.subscribedTo = topic;
    this.unsubscribe = backend && topic ? backend.subscribe(topic, this.listener) : undefined;
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    // Forgotten too, so that the first update after the host is back in the page subscribes again.
    this.unsubscribe = this.backend = undefined;
  }
}
