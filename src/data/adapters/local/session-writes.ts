/** The session methods of the local adapter that validate input; loaded on first use by `session.ts`. */
import { parse } from '../../backend.js';
import { Credentials, ProfileInput, type Member, type Session } from '../../schema/index.js';
import type { Core } from './core.js';
import { memberRecord } from './schema.js';
import { forbidden } from './domain.js';
import type { SessionWrites } from './session.js';

export class LocalSessionWrites implements SessionWrites {
  constructor(private readonly core: Core) {}

  /**
   * Checks the credentials' shape like every backend (a `code`, where given, has six digits) and
   * otherwise ignores them, the one-time code included: there is no password store in a browser.
   */
  async signIn(credentials: Credentials): Promise<Session> {
    parse(Credentials, credentials);
    throw forbidden('session.signInNeedsServer');
  }

  async updateProfile(input: ProfileInput): Promise<Member> {
    const { displayName } = parse(ProfileInput, input);
    const fixed = this.core.fixedMember;
    if (!this.core.usesVisitor && !fixed) throw forbidden('session.anonymousIdentity');
    const newId = crypto.randomUUID();
    const member = await this.core.write(['meta', 'members'], async (tx, changes) => {
      let result: Member;
      if (fixed) {
        result = { ...fixed, displayName };
      } else {
        const stored = await tx.objectStore('meta').get('visitor');
        const id = stored?.key === 'visitor' ? stored.value.id : newId;
        await tx.objectStore('meta').put({ key: 'visitor', value: { id, displayName } });
        const existing = await tx.objectStore('members').get(id);
        result = { id, displayName, roles: existing?.roles ?? ['member'] };
      }
      await tx.objectStore('members').put(memberRecord(result));
      changes.push({ topic: 'session', kind: 'updated', entity: 'member', id: result.id });
      return result;
    });
    if (fixed) this.core.setFixedMember(member);
    this.core.setSignedOut(false);
    return member;
  }
}
