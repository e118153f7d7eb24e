/**
 * The session of the local adapter. Reading it (`current`) and signing out need no schemas, so
 * they are part of the static base: every widget asks for the session before it renders. What
 * validates input (`signIn`, `updateProfile`) loads on first use from `session-writes.ts`.
 */
import type { SessionApi } from '../../backend.js';
import type { Credentials, Member, ProfileInput, Session } from '../../schema/index.js';
import type { Core } from './core.js';
import { lazyApi } from '../../lazy.js';

/** The part of the session that validates its input with the schemas. */
export type SessionWrites = Pick<SessionApi, 'signIn' | 'updateProfile'>;

export class LocalSession implements SessionApi {
  private readonly writes: SessionWrites;

  constructor(private readonly core: Core) {
    this.writes = lazyApi<SessionWrites>('session', async () => new (await import('./session-writes.js')).LocalSessionWrites(core));
  }

  async current(): Promise<Session> {
    return { community: this.core.community, member: await this.core.actor() };
  }

  /** Passwords need a server: the local adapter rejects with `forbidden` (`session.signInNeedsServer`). */
  signIn(credentials: Credentials): Promise<Session> {
    return this.writes.signIn(credentials);
  }

  /** Host-signed member tokens are for the HTTP adapter; locally the session stays as it is. */
  async useToken(_token: string): Promise<Session> {
    return this.current();
  }

  /**
   * Acts anonymously in this backend instance until `updateProfile`. The visitor's stored
   * profile is kept (it is their own data), so a reload brings it back.
   */
  async signOut(): Promise<Session> {
    this.core.setSignedOut(true);
    const session = await this.current();
    this.core.announce([{ topic: 'session', kind: 'updated', entity: 'session', id: 'session' }], true);
    return session;
  }

  /**
   * Creates (first call) or renames the visitor's local member profile, roles `['member']`; with
   * a fixed identity, renames that member. An anonymous fixed identity cannot get a profile.
   * Names already shown on older posts keep the name they were written with.
   */
  updateProfile(input: ProfileInput): Promise<Member> {
    return this.writes.updateProfile(input);
  }
}
