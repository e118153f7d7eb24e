/**
 * The IndexedDB layout: stored record shapes, the typed `DBSchema`, and the versioned upgrade.
 *
 * Stored records are not the public shapes. They hold private fields (a requester's contact, a
 * manage token) and derived index keys. Index keys are optional fields that exist only while a
 * record belongs in a list (e.g. `feedKey` only on posts that the regular feed shows), so a
 * "sparse" index is itself the filter and a page costs as much as the records on it.
 * Per-session fields (`myReactions`, `mine`, `membership`) are never stored.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { foldText } from '../../rules/text.js';
import type * as z from 'zod/mini';
import type {
  Achievement, AnimalDetails, AwardEvidence, Booking, Call, Category, CoarsePoint, Comment, ContactMessage, FileKind,
  GroupInput, GroupRole, IMAGE_TYPES, ItemStatus, ItemType, Member, Path, PostKind, PublicMember, Reaction, Report,
  ReporterContact, Resource, StepProgress,
} from '../../schema/index.js';

/** Bump with a new `if (oldVersion < N)` step in `upgrade`; never edit a released step. */
export const DB_VERSION = 2;

export type Key = string;

export interface VisitorRecord {
  id: string;
  displayName: string | null;
}

export type MetaRecord =
  | { key: 'visitor'; value: VisitorRecord }
  | { key: 'community'; value: { id: string; name: string; timeZone: string; locale: 'de' | 'en' } };

/** A community member as stored: the public member plus its sort and search key. */
export interface MemberRecord extends Member {
  /** `foldText(displayName)` (see `rules/text.ts`): the `byName` index sorts and searches by it. */
  nameKey: string;
}

/** The stored record of a member, with its name key. */
export const memberRecord = (member: Member): MemberRecord => ({
  id: member.id, displayName: member.displayName, roles: [...member.roles], nameKey: foldText(member.displayName),
});

export interface GroupRecord extends GroupInput {
  rulesVersion: number;
  memberCount: number;
  createdAt: string;
}

export interface MembershipRecord {
  groupId: string;
  memberId: string;
  member: PublicMember;
  role: z.infer<typeof GroupRole>;
  status: 'active' | 'pending' | 'invited';
  rulesAccepted: number | null;
  message?: string;
  since: string;
}

export interface SlotRecord {
  id: string;
  label: string;
  kind: 'people' | 'item';
  capacity: number;
  committed: number;
}

export interface PostRecord {
  id: string;
  groupId: string;
  kind: PostKind;
  title: string;
  body: string;
  tags: string[];
  expiresAt: string | null;
  author: PublicMember;
  createdAt: string;
  editedAt: string | null;
  status: 'published' | 'pending' | 'hidden';
  pinned: boolean;
  commentsLocked: boolean;
  commentCount: number;
  reactions: Record<Reaction, number>;
  attachments: string[];
  call: (Omit<Call, 'slots'> & { slots: SlotRecord[] }) | null;
  /** `[groupId, createdAt, id]` for posts of the regular feed (not pinned, not urgent). */
  feedKey?: [string, string, string];
  /** `[groupId, foldedTag, createdAt, id]` per tag, for the regular feed filtered by tag. */
  tagKeys: [string, string, string, string][];
  /** `[groupId, createdAt, id]` for pinned posts and urgent notices (the highlights). */
  highlightKey?: [string, string, string];
  /** `[groupId, createdAt, id]` while waiting for approval. */
  pendingKey?: [string, string, string];
}

export interface ReactionRecord {
  postId: string;
  memberId: string;
  reactions: Reaction[];
}

export interface CommentRecord extends Comment {
  groupId: string;
}

export interface CommitmentRecord {
  postId: string;
  slotId: string;
  memberId: string;
  count: number;
  note?: string;
}

/** Idempotency keys of writes that update a record instead of creating one (commitments). */
export interface ReceiptRecord {
  key: string;
  at: string;
}

export type ReportRecord = Report;

export interface BookingRecord extends Booking {
  manageToken: string;
  /** `[resourceId, start, id]` while the booking holds its slot (requested or confirmed). */
  hold?: [string, string, string];
}

export interface ItemRecord {
  id: string;
  type: ItemType;
  category: Category;
  title: string;
  description: string;
  place: string;
  point: z.infer<typeof CoarsePoint> | null;
  date: string;
  animal: z.infer<typeof AnimalDetails> | null;
  photo: string | null;
  status: Exclude<ItemStatus, 'expired'>;
  hidden: boolean;
  createdAt: string;
  expiresAt: string;
  contact: ReporterContact;
  proofDetail?: string;
  manageToken: string;
  /** Folded words of the public text (see `rules/text.ts`). */
  words: string[];
  /** `open` while on the board (open and not hidden), otherwise `off`: the lead of every board index. */
  board: 'open' | 'off';
  /** `[word, createdAt, id]` per word while on the board: search in newest-first order. */
  wordKeys: [string, string, string][];
}

export type ContactRecord = ContactMessage;

export interface AbuseRecord {
  id: string;
  itemId: string;
  note: string;
  createdAt: string;
}

export interface FileRecord {
  id: string;
  kind: z.infer<typeof FileKind>;
  name: string;
  type: (typeof IMAGE_TYPES)[number] | 'application/pdf';
  size: number;
  width?: number;
  height?: number;
  blob: Blob;
  createdAt: string;
}

export interface PathRecord extends Path {
  /** Copy of `cohort.id` for the cohort lookup (absent without a cohort). */
  cohortId?: string;
}

export interface ProgressRecord {
  pathId: string;
  memberId: string;
  member: PublicMember;
  steps: StepProgress[];
  completedAt: string | null;
  /** `[pathId, completedAt, memberId, stepId]` per step awaiting sign-off. */
  awaitingKeys: [string, string, string, string][];
}

export interface CohortMemberRecord {
  cohortId: string;
  memberId: string;
  joinedAt: string;
}

export interface CheckInRecord {
  /** Absent on seeded check-ins, which have no client id. */
  id?: string;
  cohortId: string;
  memberId: string;
  day: string;
  note?: string;
  at: string;
}

export interface AwardRecord {
  id: string;
  /** The `AwardInput.id` it came from, or the path whose completion earned it. */
  inputId: string;
  achievementId: string;
  recipientId: string;
  recipient: PublicMember;
  issuedOn: string;
  expires: string | null;
  revoked: boolean;
  revocationReason: string | null;
  evidence: z.infer<typeof AwardEvidence>[];
  note: string;
  onWall: boolean;
  /** `[issuedOn, id]` while on the wall (consented and not revoked). */
  wallKey?: [string, string];
}

export interface DorfDB extends DBSchema {
  meta: { key: string; value: MetaRecord };
  members: { key: string; value: MemberRecord; indexes: { byName: [string, string] } };
  groups: { key: string; value: GroupRecord; indexes: { byName: [string, string] } };
  memberships: {
    key: [string, string];
    value: MembershipRecord;
    indexes: { byGroup: [string, string, string]; byMember: string };
  };
  posts: {
    key: string;
    value: PostRecord;
    indexes: {
      feed: [string, string, string];
      feedTag: [string, string, string, string];
      highlight: [string, string, string];
      pending: [string, string, string];
    };
  };
  reactions: { key: [string, string]; value: ReactionRecord };
  comments: { key: string; value: CommentRecord; indexes: { byPost: [string, string, string] } };
  commitments: { key: [string, string, string]; value: CommitmentRecord; indexes: { byPostMember: [string, string] } };
  receipts: { key: string; value: ReceiptRecord };
  reports: {
    key: string;
    value: ReportRecord;
    indexes: {
      byCreated: [string, string];
      byStatus: [string, string, string];
      byGroup: [string, string, string];
      byGroupStatus: [string, string, string, string];
    };
  };
  resources: { key: string; value: Resource; indexes: { byName: [string, string] } };
  bookings: {
    key: string;
    value: BookingRecord;
    indexes: {
      holding: [string, string, string];
      byStart: [string, string];
      byResource: [string, string, string];
      byStatus: [string, string, string];
      byResourceStatus: [string, string, string, string];
      byToken: string;
    };
  };
  items: {
    key: string;
    value: ItemRecord;
    indexes: {
      byStatus: [string, string, string];
      byType: [string, string, string, string];
      byCategory: [string, string, string, string];
      byTypeCategory: [string, string, string, string, string];
      byMatch: [string, string, string, string, string];
      words: [string, string, string];
      byToken: string;
    };
  };
  contacts: { key: string; value: ContactRecord; indexes: { byItem: [string, string, string] } };
  abuse: { key: string; value: AbuseRecord };
  files: { key: string; value: FileRecord };
  paths: { key: string; value: PathRecord; indexes: { byTitle: [string, string]; byLevel: [string, string, string]; byCohort: string } };
  progress: { key: [string, string]; value: ProgressRecord; indexes: { awaiting: [string, string, string, string] } };
  cohortMembers: { key: [string, string]; value: CohortMemberRecord };
  checkIns: { key: [string, string, string]; value: CheckInRecord; indexes: { byDay: [string, string]; byId: string } };
  achievements: { key: string; value: Achievement; indexes: { byName: [string, string] } };
  awards: {
    key: string;
    value: AwardRecord;
    indexes: { byRecipient: [string, string, string]; wall: [string, string]; byInput: string };
  };
}

export type Store = StoreNames<DorfDB>;
export type Db = IDBPDatabase<DorfDB>;
export type Tx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<DorfDB, Store[], Mode>;

/**
 * Schema upgrades, one step per version. Runs inside the `versionchange` transaction; each step
 * only adds what its version introduced, so a browser can jump from any old version to the newest.
 */
export function upgrade(db: Db, oldVersion: number, tx: IDBPTransaction<DorfDB, Store[], 'versionchange'>): void {
  if (oldVersion < 1) {
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('members', { keyPath: 'id' });

    db.createObjectStore('groups', { keyPath: 'id' }).createIndex('byName', ['name', 'id']);
    const memberships = db.createObjectStore('memberships', { keyPath: ['groupId', 'memberId'] });
    memberships.createIndex('byGroup', ['groupId', 'since', 'memberId']);
    memberships.createIndex('byMember', 'memberId');

    const posts = db.createObjectStore('posts', { keyPath: 'id' });
    posts.createIndex('feed', 'feedKey');
    posts.createIndex('feedTag', 'tagKeys', { multiEntry: true });
    posts.createIndex('highlight', 'highlightKey');
    posts.createIndex('pending', 'pendingKey');
    db.createObjectStore('reactions', { keyPath: ['postId', 'memberId'] });
    db.createObjectStore('comments', { keyPath: 'id' }).createIndex('byPost', ['postId', 'createdAt', 'id']);
    db.createObjectStore('commitments', { keyPath: ['postId', 'slotId', 'memberId'] })
      .createIndex('byPostMember', ['postId', 'memberId']);
    db.createObjectStore('receipts', { keyPath: 'key' });
    const reports = db.createObjectStore('reports', { keyPath: 'id' });
    reports.createIndex('byCreated', ['createdAt', 'id']);
    reports.createIndex('byStatus', ['status', 'createdAt', 'id']);
    reports.createIndex('byGroup', ['groupId', 'createdAt', 'id']);
    reports.createIndex('byGroupStatus', ['groupId', 'status', 'createdAt', 'id']);

    db.createObjectStore('resources', { keyPath: 'id' }).createIndex('byName', ['name', 'id']);
    const bookings = db.createObjectStore('bookings', { keyPath: 'id' });
    bookings.createIndex('holding', 'hold');
    bookings.createIndex('byStart', ['start', 'id']);
    bookings.createIndex('byResource', ['resourceId', 'start', 'id']);
    bookings.createIndex('byStatus', ['status', 'start', 'id']);
    bookings.createIndex('byResourceStatus', ['resourceId', 'status', 'start', 'id']);
    bookings.createIndex('byToken', 'manageToken', { unique: true });

    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('byStatus', ['board', 'createdAt', 'id']);
    items.createIndex('byType', ['board', 'type', 'createdAt', 'id']);
    items.createIndex('byCategory', ['board', 'category', 'createdAt', 'id']);
    items.createIndex('byTypeCategory', ['board', 'type', 'category', 'createdAt', 'id']);
    items.createIndex('byMatch', ['board', 'category', 'type', 'date', 'id']);
    items.createIndex('words', 'wordKeys', { multiEntry: true });
    items.createIndex('byToken', 'manageToken', { unique: true });
    db.createObjectStore('contacts', { keyPath: 'id' }).createIndex('byItem', ['itemId', 'createdAt', 'id']);
    db.createObjectStore('abuse', { keyPath: 'id' });
    db.createObjectStore('files', { keyPath: 'id' });

    const paths = db.createObjectStore('paths', { keyPath: 'id' });
    paths.createIndex('byTitle', ['title', 'id']);
    paths.createIndex('byLevel', ['level', 'title', 'id']);
    paths.createIndex('byCohort', 'cohortId', { unique: true });
    db.createObjectStore('progress', { keyPath: ['pathId', 'memberId'] })
      .createIndex('awaiting', 'awaitingKeys', { multiEntry: true });
    db.createObjectStore('cohortMembers', { keyPath: ['cohortId', 'memberId'] });
    const checkIns = db.createObjectStore('checkIns', { keyPath: ['cohortId', 'memberId', 'day'] });
    checkIns.createIndex('byDay', ['cohortId', 'day']);
    checkIns.createIndex('byId', 'id', { unique: true });

    db.createObjectStore('achievements', { keyPath: 'id' }).createIndex('byName', ['name', 'id']);
    const awards = db.createObjectStore('awards', { keyPath: 'id' });
    awards.createIndex('byRecipient', ['recipientId', 'issuedOn', 'id']);
    awards.createIndex('wall', 'wallKey');
    awards.createIndex('byInput', 'inputId');
  }
  if (oldVersion < 2) {
    // Members by folded name, for `inviteCandidates`; records from version 1 get their key here.
    const members = tx.objectStore('members');
    members.createIndex('byName', ['nameKey', 'id']);
    if (oldVersion >= 1) {
      void (async () => {
        for (let c = await members.openCursor(); c; c = await c.continue()) {
          if (typeof c.value.nameKey !== 'string') await c.update(memberRecord(c.value));
        }
      })().catch(() => {
        // A failed write aborts the upgrade on its own; the open then reports `unavailable`.
        try {
          tx.abort();
        } catch {
          // already aborting
        }
      });
    }
  }
}
