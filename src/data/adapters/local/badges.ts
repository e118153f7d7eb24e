/**
 * Badges on IndexedDB: achievements and awards (Open Badges 3.0 shaped).
 *
 * Permissions: achievements and awards are public (a badge is a public recognition, and a
 * revocation must be visible to whoever checks it); the wall consent only decides whether an
 * award appears on the community's recognition wall. `recipients`, `award` and `revoke`: community moderators;
 * `saveAchievement`: community admins; `setWallConsent`: the recipient only.
 */
import { parse, type BadgesApi } from '../../backend.js';
import {
  Achievement, AwardInput, AwardQuery, CandidateQuery, Id, PageRequest, RevokeInput, WallConsentInput, type Award, type Page,
  type PublicMember,
} from '../../schema/index.js';
import { foldText } from '../../rules/text.js';
import { deriveId } from '../../rules/token.js';
import type { Core } from './core.js';
import { forbidden, invalid, isAdmin, isModerator, iso, notFound, pageOf, publicMember } from './domain.js';
import type { AwardRecord, Tx } from './schema.js';

/** Adds `wallKey` while the award may appear on the wall. */
export function indexAward(award: Omit<AwardRecord, 'wallKey'>): AwardRecord {
  const { wallKey: _, ...fields } = award as AwardRecord;
  return award.onWall && !award.revoked ? { ...fields, wallKey: [award.issuedOn, award.id] } : fields;
}

export class LocalBadges implements BadgesApi {
  constructor(private readonly core: Core) {}

  /** Joins each award with its achievement (read once per distinct achievement). */
  private async views(tx: Tx, records: AwardRecord[]): Promise<Award[]> {
    const ids = [...new Set(records.map((r) => r.achievementId))];
    const achievements = new Map((await Promise.all(ids.map((id) => tx.objectStore('achievements').get(id)))).map((a, i) => [ids[i], a]));
    return records.flatMap((r) => {
      const achievement = achievements.get(r.achievementId);
      if (!achievement) return [];
      return [{
        id: r.id, achievement, recipient: publicMember(r.recipient), issuedOn: r.issuedOn, expires: r.expires, revoked: r.revoked,
        revocationReason: r.revocationReason, evidence: r.evidence.map((e) => ({ ...e })), note: r.note, onWall: r.onWall,
      }];
    });
  }

  private async view(tx: Tx, record: AwardRecord): Promise<Award> {
    const [award] = await this.views(tx, [record]);
    if (!award) throw notFound('Achievement');
    return award;
  }

  async listAchievements(): Promise<Achievement[]> {
    return this.core.read(['achievements'], async (tx) => {
      const achievements: Achievement[] = [];
      for (let c = await tx.objectStore('achievements').index('byName').openCursor(); c; c = await c.continue()) achievements.push(c.value);
      return achievements;
    });
  }

  async saveAchievement(input: Achievement): Promise<Achievement> {
    const achievement = parse(Achievement, input);
    if (!isAdmin(await this.core.actor())) throw forbidden('adminsOnly');
    return this.core.write(['achievements'], async (tx, changes) => {
      const existed = await tx.objectStore('achievements').getKey(achievement.id);
      await tx.objectStore('achievements').put(achievement);
      changes.push({ topic: 'badges', kind: existed ? 'updated' : 'created', entity: 'achievement', id: achievement.id });
      return achievement;
    });
  }

  /** A member's awards, revoked ones included, newest first. `me` for an anonymous visitor is an empty list. */
  async listAwards(query: AwardQuery): Promise<Page<Award>> {
    const q = parse(AwardQuery, query);
    const actor = await this.core.actor();
    if (q.member === 'me' && !actor) return { items: [], nextCursor: null };
    const recipientId = q.member === 'me' ? actor!.id : q.member;
    return this.core.read(['awards', 'achievements'], async (tx) => {
      const page = await pageOf(tx.objectStore('awards').index('byRecipient'), 'awards', [recipientId], q, 'prev', (r) => r);
      return { items: await this.views(tx, page.items), nextCursor: page.nextCursor };
    });
  }

  /** The recognition wall: consented, unrevoked awards, newest first, through the sparse `wall` index. */
  async wall(page: PageRequest): Promise<Page<Award>> {
    const request = parse(PageRequest, page);
    return this.core.read(['awards', 'achievements'], async (tx) => {
      const result = await pageOf(tx.objectStore('awards').index('wall'), 'wall', [], request, 'prev', (r) => r);
      return { items: await this.views(tx, result.items), nextCursor: result.nextCursor };
    });
  }

  async getAward(awardId: string): Promise<Award> {
    parse(Id, awardId);
    return this.core.read(['awards', 'achievements'], async (tx) => {
      const record = await tx.objectStore('awards').get(awardId);
      if (!record) throw notFound('Award');
      return this.view(tx, record);
    });
  }

  /** Moderators: community members by folded name (the `byName` index), filtered by `q`. */
  async recipients(query: CandidateQuery): Promise<Page<PublicMember>> {
    const q = parse(CandidateQuery, query);
    if (!isModerator(await this.core.actor())) throw forbidden('moderatorsOnly');
    const needle = q.q ? foldText(q.q) : '';
    return this.core.read(['members'], async (tx) =>
      pageOf(tx.objectStore('members').index('byName'), 'recipients', [], q, 'next', (m) =>
        needle && !m.nameKey.includes(needle) ? undefined : publicMember(m)));
  }

  /**
   * Moderators. One award per distinct recipient, with ids derived from the input id and the
   * recipient, so a replayed input returns the awards it created first, and creates nothing,
   * even when the replay's content differs. Unknown recipients: `badges.unknownRecipient`.
   */
  async award(input: AwardInput): Promise<Award[]> {
    const a = parse(AwardInput, input);
    if (!isModerator(await this.core.actor())) throw forbidden('moderatorsOnly');
    const recipientIds = [...new Set(a.recipientIds)];
    const ids = await Promise.all(recipientIds.map((recipientId) => deriveId('award', a.id, recipientId)));
    const issuedOn = this.core.now().toISOString();
    return this.core.write(['awards', 'achievements', 'members'], async (tx, changes) => {
      const awards = tx.objectStore('awards');
      const previous = await awards.index('byInput').getAll(a.id);
      if (previous.length) {
        const order = (r: AwardRecord) => ((i) => (i < 0 ? Infinity : i))(recipientIds.indexOf(r.recipientId));
        return this.views(tx, previous.sort((x, y) => order(x) - order(y)));
      }
      if (!(await tx.objectStore('achievements').getKey(a.achievementId))) throw invalid('achievementId', 'badges.unknownAchievement');
      const recipients = await Promise.all(recipientIds.map((id) => tx.objectStore('members').get(id)));
      const unknown = recipients.findIndex((r) => !r);
      if (unknown >= 0) throw invalid(`recipientIds.${a.recipientIds.indexOf(recipientIds[unknown]!)}`, 'badges.unknownRecipient');
      const records = recipients.map((recipient, i) => indexAward({
        id: ids[i]!, inputId: a.id, achievementId: a.achievementId, recipientId: recipient!.id, recipient: publicMember(recipient!),
        issuedOn, expires: a.expires && iso(a.expires), revoked: false, revocationReason: null, evidence: a.evidence, note: a.note,
        onWall: false,
      }));
      await Promise.all(records.map((r) => awards.put(r)));
      changes.push(...records.map((r) => ({ topic: 'badges', kind: 'created' as const, entity: 'award', id: r.id })));
      return this.views(tx, records);
    });
  }

  /** Moderators; revoking twice keeps the first reason. */
  async revoke(input: RevokeInput): Promise<Award> {
    const r = parse(RevokeInput, input);
    if (!isModerator(await this.core.actor())) throw forbidden('moderatorsOnly');
    return this.core.write(['awards', 'achievements'], async (tx, changes) => {
      const record = await tx.objectStore('awards').get(r.awardId);
      if (!record) throw notFound('Award');
      if (record.revoked) return this.view(tx, record);
      const updated = indexAward({ ...record, revoked: true, revocationReason: r.reason });
      await tx.objectStore('awards').put(updated);
      changes.push({ topic: 'badges', kind: 'updated', entity: 'award', id: record.id });
      return this.view(tx, updated);
    });
  }

  /** The recipient only (`badges.recipientOnly`); a revoked award never shows on the wall. */
  async setWallConsent(input: WallConsentInput): Promise<Award> {
    const c = parse(WallConsentInput, input);
    const member = await this.core.member();
    return this.core.write(['awards', 'achievements'], async (tx, changes) => {
      const record = await tx.objectStore('awards').get(c.awardId);
      if (!record) throw notFound('Award');
      if (record.recipientId !== member.id) throw forbidden('badges.recipientOnly');
      const updated = indexAward({ ...record, onWall: c.onWall });
      await tx.objectStore('awards').put(updated);
      changes.push({ topic: 'badges', kind: 'updated', entity: 'award', id: record.id });
      return this.view(tx, updated);
    });
  }
}
