/**
 * Live changes across processes: a write NOTIFYs `dorfplatz_changes` inside its transaction
 * (so the change is announced exactly when it commits); every server process LISTENs and fans
 * the change out to its server-sent-event streams. Processes keep no other state.
 *
 * Each process also keeps the last few changes with the wall-clock time the writing process
 * stamped on them, so a stream that connects a moment after its subscriber asked (`since`)
 * still receives what happened in between. Every change has a unique `uid`; clients drop
 * duplicates.
 */
import { randomUUID } from 'node:crypto';
import type { Change } from '../../src/data/schema/index.js';
import type { Database, Sql } from './db.js';

export const CHANNEL = 'dorfplatz_changes';
const RECENT = 2000;

export type ChangeDraft = Omit<Change, 'at'>;

/** What travels through NOTIFY and out to clients. */
export interface Envelope {
  community: string;
  change: Change;
  uid: string;
  /** Wall-clock milliseconds at the writing process (not the domain clock). */
  wall: number;
}

type Listener = (envelope: Envelope) => void;

export class ChangeHub {
  private readonly listeners = new Set<Listener>();
  private readonly recent: Envelope[] = [];
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.stop = await this.db.listen(CHANNEL, (payload) => {
      let envelope: Envelope;
      try {
        envelope = JSON.parse(payload) as Envelope;
      } catch {
        return;
      }
      this.recent.push(envelope);
      if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
      for (const listener of [...this.listeners]) {
        try {
          listener(envelope);
        } catch {
          // one broken stream must not silence the others
        }
      }
    });
  }

  /** The NOTIFY payload of one change. */
  static payload(community: string, draft: ChangeDraft, at: string): string {
    const envelope: Envelope = {
      community,
      change: { topic: draft.topic, kind: draft.kind, entity: draft.entity, id: draft.id, at },
      uid: randomUUID(),
      wall: Date.now(),
    };
    return JSON.stringify(envelope);
  }

  /** Queues the changes for announcement when `tx` commits. */
  static async announce(tx: Sql, community: string, drafts: ChangeDraft[], at: string): Promise<void> {
    for (const draft of drafts) await tx.query('SELECT pg_notify($1, $2)', [CHANNEL, ChangeHub.payload(community, draft, at)]);
  }

  /** Subscribes to every change; returns the changes since `since` (wall ms) to replay. */
  subscribe(listener: Listener, since: number | null): { replay: Envelope[]; stop: () => void } {
    this.listeners.add(listener);
    const replay = since === null ? [] : this.recent.filter((e) => e.wall >= since);
    return { replay, stop: () => this.listeners.delete(listener) };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop?.();
  }
}
