/** Session and files of the local adapter. */
import { parse, type FilesApi, type SessionApi } from '../../backend.js';
import {
  Credentials, FILE_LIMITS, FileInput, IMAGE_TYPES, ProfileInput, type FileRef, type Member, type Session,
} from '../../schema/index.js';
import { forbidden, invalid, type Core } from './core.js';

export class LocalSession implements SessionApi {
  constructor(private readonly core: Core) {}

  async current(): Promise<Session> {
    return { community: this.core.community, member: await this.core.actor() };
  }

  /** Passwords need a server: the local adapter rejects with `forbidden` (`session.signInNeedsServer`). */
  async signIn(credentials: Credentials): Promise<Session> {
    parse(Credentials, credentials);
    throw forbidden('session.signInNeedsServer');
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
      await tx.objectStore('members').put(result);
      changes.push({ topic: 'session', kind: 'updated', entity: 'member', id: result.id });
      return result;
    });
    if (fixed) this.core.setFixedMember(member);
    this.core.setSignedOut(false);
    return member;
  }
}

export class LocalFiles implements FilesApi {
  constructor(private readonly core: Core) {}

  /**
   * Stores the blob itself in IndexedDB. Anyone may upload (an anonymous finder's photo).
   * Wrong type → `file.type`; larger than `FILE_LIMITS` → `file.tooLarge {max}`.
   */
  async upload(input: FileInput): Promise<FileRef> {
    const file = parse(FileInput, input);
    const type = file.blob.type;
    const kind = (IMAGE_TYPES as readonly string[]).includes(type) ? 'image' : type === 'application/pdf' ? 'pdf' : null;
    if (!kind) throw invalid('blob', 'file.type', { type: type || 'unknown' });
    if (file.blob.size === 0) throw invalid('blob', 'file.empty');
    if (file.blob.size > FILE_LIMITS[kind]) throw invalid('blob', 'file.tooLarge', { max: FILE_LIMITS[kind] });
    const createdAt = this.core.now().toISOString();
    return this.core.write(['files'], async (tx) => {
      const files = tx.objectStore('files');
      const existing = await files.get(file.id);
      if (existing) return this.core.fileRef(existing);
      const record = {
        id: file.id, kind, name: file.name, type: type as FileRef['type'], size: file.blob.size, blob: file.blob, createdAt,
        ...(file.width !== undefined && { width: file.width }),
        ...(file.height !== undefined && { height: file.height }),
      } as const;
      await files.put(record);
      return this.core.fileRef(record);
    });
  }
}
