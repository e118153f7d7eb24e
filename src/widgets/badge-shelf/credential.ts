/**
 * An award as an Open Badges 3.0 credential (`OpenBadgeCredential`, JSON-LD on the W3C
 * Verifiable Credentials 2.0 data model), for the recipient to keep or import into a wallet.
 *
 * Decisions, documented in the README:
 * - **Unsigned.** There is no issuer key in a visitor's browser, so the credential carries no
 *   `proof`; it is a faithful, schema-valid description of the award, and a verifier treats it as
 *   unverified until the issuer confirms it.
 * - **Revoked awards are never exported** (`toOpenBadgeCredential` throws `badges.revokedExport`).
 *   There is no hosted status list to point a `credentialStatus` at (the local adapter has no
 *   address), and a revoked award must not leave as a credential that looks valid.
 * - **Expired awards are exported** with their `validUntil` in the past, like the spec intends:
 *   the holder can still show what they earned, and every verifier sees that it expired.
 * - **Identifiers** are `urn:uuid:` URIs derived (name-based, SHA-1, RFC 9562 version 5) from the
 *   community and the record ids, so exporting the same award twice gives the same ids. An issuer
 *   with a web address is identified by it.
 * - **The recipient** is identified by their display name (`IdentityObject` of type `name`,
 *   not hashed): it is the public name the community shows with the award anyway.
 */
import type { Award } from '../../data/schema/badges.js';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_SCHEMA_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** The name-space UUID of Dorfplatz identifiers (a fixed, random v4 UUID). */
const NAMESPACE = '6f1c3a52-8d4e-4b7a-9c55-2f0d8e7b1a94';

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  description: string;
  image?: { id: string; type: 'Image'; caption?: string };
  issuer: Profile;
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    type: string[];
    identifier: { type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }[];
    achievement: {
      id: string;
      type: string[];
      achievementType: 'Badge';
      name: string;
      description: string;
      criteria: { narrative: string };
      image?: { id: string; type: 'Image'; caption?: string };
      tag?: string[];
      creator: Profile;
    };
  };
  evidence?: { id?: string; type: string[]; name?: string; narrative?: string }[];
  credentialSchema: { id: string; type: string }[];
}

interface Profile {
  id: string;
  type: string[];
  name: string;
  url?: string;
}

/** A version 5 (name-based, SHA-1) UUID as a URN. */
export async function uuidUrn(name: string): Promise<string> {
  const ns = NAMESPACE.replace(/-/g, '');
  const bytes = new Uint8Array(16 + new TextEncoder().encode(name).length);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(new TextEncoder().encode(name), 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ExportOptions {
  /** The community id: part of every derived identifier. */
  community: string;
  /** Title of the moderators' note when it is exported as evidence, in the visitor's language. */
  noteTitle: string;
}

/** The error for a revoked award; its `code` is a catalogue key. */
export class RevokedExportError extends Error {
  readonly code = 'badges.revokedExport';
  constructor() {
    super('badges.revokedExport');
  }
}

const image = (url: string, caption: string) => (url ? { id: url, type: 'Image' as const, ...(caption && { caption }) } : undefined);

export async function toOpenBadgeCredential(award: Award, options: ExportOptions): Promise<OpenBadgeCredential> {
  if (award.revoked) throw new RevokedExportError();
  const a = award.achievement;
  const c = options.community;
  const issuer: Profile = {
    id: a.issuer.url ?? (await uuidUrn(`${c}/issuer/${a.issuer.id}`)),
    type: ['Profile'],
    name: a.issuer.name,
    ...(a.issuer.url && { url: a.issuer.url }),
  };
  const picture = image(a.image, a.imageAlt);
  const evidence = [
    ...award.evidence
      .filter((e) => e.narrative || e.url)
      .map((e) => ({ ...(e.url && { id: e.url }), type: ['Evidence'], ...(e.narrative && { narrative: e.narrative }) })),
    ...(award.note ? [{ type: ['Evidence'], name: options.noteTitle, narrative: award.note }] : []),
  ];
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: await uuidUrn(`${c}/award/${award.id}`),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: a.name,
    description: a.description,
    ...(picture && { image: picture }),
    issuer,
    validFrom: new Date(award.issuedOn).toISOString(),
    ...(award.expires && { validUntil: new Date(award.expires).toISOString() }),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: award.recipient.displayName, identityType: 'name', hashed: false }],
      achievement: {
        id: await uuidUrn(`${c}/achievement/${a.id}`),
        type: ['Achievement'],
        achievementType: 'Badge',
        name: a.name,
        description: a.description,
        criteria: { narrative: a.criteria },
        ...(picture && { image: picture }),
        ...(a.tags.length && { tag: [...a.tags] }),
        creator: issuer,
      },
    },
    ...(evidence.length && { evidence }),
    credentialSchema: [{ id: OB_SCHEMA_V3, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** A file name for the download: the badge's name, made safe, and the date of issue. */
export function credentialFileName(award: Award): string {
  const base = award.achievement.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'badge';
  return `${base}-${award.issuedOn.slice(0, 10)}.json`;
}

/** Offers the credential as a download (`application/ld+json`). */
export function downloadCredential(credential: OpenBadgeCredential, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(credential, null, 2)}\n`], { type: 'application/ld+json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
