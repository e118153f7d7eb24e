/**
 * The shelf's Open Badges 3.0 export, validated with ajv (draft 2019-09, as the schema declares)
 * against the 1EdTech JSON Schema vendored unchanged in test/fixtures/ob3/ (the VC Data Model 2.0
 * revision published at its `$id`; see the README there for source and licence). The export is
 * validated exactly as `toOpenBadgeCredential` returns it. Runs in Node, because ajv is CommonJS and
 * the browser test runner serves ES modules only:
 *
 *   node --import tsx --test test/widgets/badge-shelf.ob3.test.mts
 *
 * The browser test (badge-shelf.test.ts) proves the widget downloads exactly what
 * `toOpenBadgeCredential` returns; this file proves that is a valid credential.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { Award } from '../../src/data/schema/badges.js';
import { check } from '../../src/data/backend.js';
import { clubSample, municipalitySample } from '../../src/data/sample/index.js';
import {
  OB_CONTEXT_V3, OB_SCHEMA_V3, RevokedExportError, VC_CONTEXT_V2, credentialFileName, toOpenBadgeCredential, uuidUrn,
} from '../../src/widgets/badge-shelf/credential.js';

// CommonJS default exports, as Node's ESM loader hands them over.
const Ajv2019 = ((Ajv2019Module as unknown as { default?: unknown }).default ?? Ajv2019Module) as typeof import('ajv/dist/2019.js').default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

type Schema = Record<string, unknown> & { $id: string; required: string[] };
const vendored = JSON.parse(readFileSync(new URL('../fixtures/ob3/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as Schema;

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(vendored);

const show = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('\n');
const NOW = new Date('2026-11-22T10:00:00Z');

/** Every award of the sample communities, as the shelf receives it (achievement and recipient joined). */
function sampleAwards(): Award[] {
  const out: Award[] = [];
  for (const sample of [municipalitySample, clubSample]) {
    const data = sample(NOW);
    for (const a of data.awards) {
      const achievement = data.achievements.find((x) => x.id === a.achievementId)!;
      const member = data.members.find((m) => m.id === a.recipientId)!;
      const award = {
        id: a.id, achievement, recipient: { id: member.id, displayName: member.displayName }, issuedOn: a.issuedOn, expires: a.expires,
        revoked: a.revoked, revocationReason: a.revocationReason, evidence: a.evidence, note: a.note, onWall: a.onWall,
      };
      const parsed = check(Award, award);
      assert.ok(parsed.ok, `sample award ${a.id} is an Award`);
      out.push(parsed.value);
    }
  }
  return out;
}

const options = { community: 'musterdorf', noteTitle: 'Anmerkung der Moderation' };

describe('Open Badges 3.0 export', () => {
  const awards = sampleAwards();
  const exportable = awards.filter((a) => !a.revoked);

  it('the samples cover valid, expiring, expired and revoked awards, with and without evidence', () => {
    assert.ok(exportable.some((a) => a.expires === null));
    assert.ok(exportable.some((a) => a.expires && Date.parse(a.expires) > NOW.getTime()));
    assert.ok(exportable.some((a) => a.expires && Date.parse(a.expires) <= NOW.getTime()));
    assert.ok(awards.some((a) => a.revoked));
    assert.ok(exportable.some((a) => a.evidence.some((e) => e.url)));
    assert.ok(exportable.some((a) => a.note));
  });

  it('the vendored schema is the VC 2.0 revision the credentials point to', () => {
    assert.equal(vendored.$id, OB_SCHEMA_V3);
    for (const key of ['@context', 'id', 'type', 'credentialSubject', 'issuer', 'validFrom']) assert.ok(vendored.required.includes(key), key);
    assert.equal(vendored.required.includes('issuanceDate'), false);
  });

  it('every exportable sample award, exactly as exported, is a valid OpenBadgeCredential', async () => {
    for (const award of exportable) {
      const credential = await toOpenBadgeCredential(award, options);
      assert.ok(validate(credential), `${award.id}:\n${show(validate.errors)}`);
    }
  });

  it('has the contexts, types, issuer profile, subject, dates and schema reference of OB 3.0', async () => {
    const award = exportable.find((a) => a.expires && a.evidence.length && a.achievement.issuer.url)
      ?? exportable.find((a) => a.expires)!;
    const c = await toOpenBadgeCredential(award, options);
    assert.deepEqual(c['@context'], [VC_CONTEXT_V2, OB_CONTEXT_V3]);
    assert.deepEqual(c.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.equal(c.name, award.achievement.name);
    assert.deepEqual(c.issuer.type, ['Profile']);
    assert.equal(c.issuer.name, award.achievement.issuer.name);
    assert.equal(c.validFrom, new Date(award.issuedOn).toISOString());
    assert.equal(c.validUntil, new Date(award.expires!).toISOString());
    assert.deepEqual(c.credentialSubject.type, ['AchievementSubject']);
    assert.equal(c.credentialSubject.achievement.criteria.narrative, award.achievement.criteria);
    assert.deepEqual(c.credentialSubject.achievement.creator, c.issuer);
    assert.deepEqual(c.credentialSubject.identifier, [{ type: 'IdentityObject', identityHash: award.recipient.displayName, identityType: 'name', hashed: false }]);
    assert.deepEqual(c.credentialSchema, [{ id: OB_SCHEMA_V3, type: '1EdTechJsonSchemaValidator2019' }]);
    assert.match(c.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal((await toOpenBadgeCredential(award, options)).id, c.id, 'the same award gets the same id');
    assert.notEqual((await toOpenBadgeCredential(award, { ...options, community: 'other' })).id, c.id, 'another community, another id');
    assert.equal('proof' in c, false, 'unsigned: no proof is claimed');
  });

  it('without expiry there is no validUntil; evidence links, narratives and the note become Evidence', async () => {
    const award = { ...exportable[0]!, expires: null, note: 'Danke!', evidence: [{ narrative: 'Bachufer', url: 'https://example.org/foto' }, { narrative: 'Zweiter Einsatz' }] };
    const c = await toOpenBadgeCredential(award, options);
    assert.equal('validUntil' in c, false);
    assert.deepEqual(c.evidence, [
      { id: 'https://example.org/foto', type: ['Evidence'], narrative: 'Bachufer' },
      { type: ['Evidence'], narrative: 'Zweiter Einsatz' },
      { type: ['Evidence'], name: 'Anmerkung der Moderation', narrative: 'Danke!' },
    ]);
    assert.ok(validate(c), show(validate.errors));
  });

  it('a credential that breaks the schema is caught (the check can fail)', async () => {
    const c = await toOpenBadgeCredential(exportable[0]!, options) as unknown as Record<string, unknown>;
    const broken = structuredClone(c) as { credentialSubject: { achievement: Record<string, unknown> }; image?: Record<string, unknown> };
    delete broken.credentialSubject.achievement.criteria;
    assert.equal(validate(broken), false);
    const extraImage = { ...structuredClone(c), image: { id: 'https://x.example/a.png', type: 'Image', width: 3 } };
    assert.equal(validate(extraImage), false, 'Image allows no other properties');
    const { validFrom, ...undated } = c;
    assert.equal(validate(undated), false, 'validFrom is required');
    assert.equal(validate({ ...undated, issuanceDate: validFrom }), false, 'the VC 1.1 issuanceDate does not replace validFrom');
    const vc11 = { ...structuredClone(c), '@context': ['https://www.w3.org/2018/credentials/v1', OB_CONTEXT_V3] };
    assert.equal(validate(vc11), false, 'the VC 2.0 context must come first');
    assert.equal(validate({ ...structuredClone(c), type: ['VerifiableCredential'] }), false, 'OpenBadgeCredential type is required');
  });

  it('revoked awards are never exported', async () => {
    for (const award of awards.filter((a) => a.revoked)) {
      await assert.rejects(toOpenBadgeCredential(award, options), RevokedExportError);
    }
  });

  it('uuidUrn is a name-based v5 UUID and the file name is safe', async () => {
    assert.equal(await uuidUrn('a'), await uuidUrn('a'));
    assert.notEqual(await uuidUrn('a'), await uuidUrn('b'));
    const award = exportable[0]!;
    assert.match(credentialFileName({ ...award, achievement: { ...award.achievement, name: 'Dorfputz-Held:in Übung' } }), /^dorfputz-held-in-ubung-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
