/**
 * Live changes over server-sent events, read with fetch (so it runs in browsers and Node alike
 * and may carry the Authorization header). One stream per backend carries all its topics; it
 * reconnects with backoff, and asks the server to replay what happened since the subscription
 * (`since`), so a change made while the stream was (re)connecting is not lost. Changes are
 * delivered once (by their `uid`) and only to listeners subscribed before they happened.
 */
import type { Change } from '../../schema/index.js';
import type { HttpClient } from './client.js';

type Listener = (change: Change) => void;

interface Subscription {
  topic: string;
  listener: Listener;
  /** Wall-clock ms of `subscribe`: earlier changes are not this listener's business. */
  since: number;
}

interface Envelope {
  change: Change;
  uid: string;
  wall: number;
}

const MAX_BACKOFF = 30_000;
const REPLAY_MARGIN = 5_000;

export class EventStream {
  private readonly subscriptions = new Set<Subscription>();
  private readonly delivered = new Set<string>();
  private controller: AbortController | null = null;
  private connectedTopics = '';
  private scheduled = false;
  private closed = false;
  private backoff = 500;
  /** Wall-clock ms of the last sign of life from the stream (for the replay after a drop). */
  private lastSeen = 0;

  constructor(private readonly client: HttpClient, private readonly fetchImpl: typeof fetch) {}

  subscribe(topic: string, listener: Listener): () => void {
    const sub: Subscription = { topic, listener, since: Date.now() };
    this.subscriptions.add(sub);
    this.schedule();
    return () => {
      this.subscriptions.delete(sub);
      this.schedule();
    };
  }

  /** Reconnects with the client's current token: after a sign-in or sign-out the stream speaks for the new session. */
  reconnect(): void {
    this.controller?.abort();
    this.controller = null;
    this.connectedTopics = '';
    this.schedule();
  }

  close(): void {
    this.closed = true;
    this.subscriptions.clear();
    this.controller?.abort();
    this.controller = null;
  }

  private topics(): string {
    return [...new Set([...this.subscriptions].map((s) => s.topic))].sort().join(',');
  }

  /** Coalesces several (un)subscriptions in one tick into one reconnect. */
  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const topics = this.topics();
      if (topics === this.connectedTopics && this.controller) return;
      this.controller?.abort();
      this.controller = null;
      this.connectedTopics = topics;
      if (topics) void this.run(topics);
    });
  }

  private async run(topics: string): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    while (!controller.signal.aborted && !this.closed) {
      // Replay from each subscription's start, or from shortly before the stream last showed
      // life (a margin for clock differences between writer and reader), whichever is later.
      const starts = [...this.subscriptions].map((s) => (this.lastSeen ? Math.max(s.since, this.lastSeen - REPLAY_MARGIN) : s.since));
      const since = starts.length ? Math.min(...starts) : Date.now();
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (this.client.token) headers.Authorization = `Bearer ${this.client.token}`;
        const response = await this.fetchImpl(this.client.url('/events', { topics, since }), { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.backoff = 500;
        await this.read(response.body, controller.signal);
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted || this.closed) return;
      await new Promise((resolve) => setTimeout(resolve, this.backoff / 2 + Math.random() * this.backoff));
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      this.lastSeen = Date.now();
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (event === 'change' && data.length) this.dispatch(data.join('\n'));
      }
    }
  }

  private dispatch(data: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(data) as Envelope;
    } catch {
      return;
    }
    if (!envelope?.change || typeof envelope.uid !== 'string' || this.delivered.has(envelope.uid)) return;
    this.delivered.add(envelope.uid);
    if (this.delivered.size > 5000) this.delivered.delete(this.delivered.values().next().value!);
    for (const sub of [...this.subscriptions]) {
      if (sub.topic !== envelope.change.topic || envelope.wall < sub.since) continue;
      try {
        sub.listener({ ...envelope.change });
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}
