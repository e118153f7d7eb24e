/** Session (who is acting) and files (photos, attachments). */
import * as z from 'zod/mini';
import { BackendError, parse } from '../../../src/data/backend.js';
import {
  Credentials, FILE_LIMITS, FileInput, FileRef, Id, IMAGE_TYPES, line, Member, ProfileInput, Session, SignInResult,
} from '../../../src/data/schema/index.js';
import { foldText } from '../../../src/data/rules/text.js';
import { signToken, verifyPassword, type TokenPayload } from '../auth.js';
import { verifyTotp } from '../totp.js';
import type { Database, Sql } from '../db.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { requireMember } from './common.js';

/** How long a staff token from a password sign-in lasts. */
const STAFF_TOKEN_SECONDS = 12 * 3600;

/** Members recently recorded, per database (a process may serve several in tests). */
const knownByDb = new WeakMap<Database, Map<string, { member: Member; at: number }>>();
const knownOf = (db: Database) => {
  let map = knownByDb.get(db);
  if (!map) knownByDb.set(db, (map = new Map()));
  return map;
};

/**
 * The member a verified token stands for, recorded in `members` (so moderators can find them,
 * e.g. to award a badge). The member's own chosen name (`updateProfile`) wins over the token's.
 */
export async function resolveMember(db: Database, community: string, payload: TokenPayload): Promise<Member> {
  const known = knownOf(db);
  const key = `${community}\u0000${payload.sub}\u0000${payload.name}\u0000${payload.roles.join(',')}`;
  const cached = known.get(key);
  if (cached && Date.now() - cached.at < 2000) return cached.member;
  const rows = await db.query<{ display_name: string }>(
    `INSERT INTO members AS m (community, id, token_name, roles, name_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (community, id) DO UPDATE SET token_name = excluded.token_name, roles = excluded.roles,
       name_key = CASE WHEN m.profile_name IS NULL THEN excluded.name_key ELSE m.name_key END
     RETURNING coalesce(m.profile_name, m.token_name) AS display_name`,
    [community, payload.sub, payload.name, payload.roles, foldText(payload.name)],
  );
  const member: Member = { id: payload.sub, displayName: rows[0]!.display_name, roles: [...payload.roles] };
  known.set(key, { member, at: Date.now() });
  if (known.size > 10_000) known.clear();
  return member;
}

function forgetMember(db: Database, community: string, id: string) {
  const known = knownOf(db);
  for (const key of known.keys()) if (key.startsWith(`${community}\u0000${id}\u0000`)) known.delete(key);
}


export interface FileRow {
  id: string;
  kind: 'image' | 'pdf';
  name: string;
  type: FileRef['type'];
  size: number;
  width: number | null;
  height: number | null;
}

export const fileUrl = (ctx: Ctx, id: string) => `${ctx.services.basePath}/c/${ctx.community.id}/files/${encodeURIComponent(id)}`;

export function toFileRef(ctx: Ctx, r: FileRow): FileRef {
  const ref: FileRef = { id: r.id, kind: r.kind, name: r.name, type: r.type, size: r.size, url: fileUrl(ctx, r.id) };
  if (r.width != null) ref.width = r.width;
  if (r.height != null) ref.height = r.height;
  return ref;
}

export const FILE_COLUMNS = 'id, kind, name, type, size, width, height';

/** File refs for `ids` in order, skipping missing ones. */
export async function fileRefs(ctx: Ctx, sql: Sql, ids: readonly string[]): Promise<FileRef[]> {
  if (!ids.length) return [];
  const rows = await sql.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE community = $1 AND id = ANY($2)`, [ctx.community.id, ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [toFileRef(ctx, byId.get(id)!)] : []));
}

/** Every id names a stored file, else `file.unknown` at `path(index)`. */
export async function requireFiles(ctx: Ctx, sql: Sql, ids: readonly string[], path: (index: number) => string): Promise<void> {
  if (!ids.length) return;
  const rows = await sql.query<{ id: string }>('SELECT id FROM files WHERE community = $1 AND id = ANY($2)', [ctx.community.id, ids]);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(path(missing), 'file.unknown');
}

/** Magic numbers: a file is what its bytes say, not what the client claims. */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

const FileQuery = z.object({
  id: Id,
  name: line(1, 200),
  width: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
  height: z.optional(z.string().check(z.regex(/^\d{1,6}$/))),
});

export function sessionRoutes(): Route[] {
  return [
    {
      method: 'get', path: '/session', tag: 'session', summary: 'The current session', response: Session,
      handler: async (ctx) => ({ community: ctx.community.id, member: ctx.member }),
    },
    {
      method: 'post', path: '/session/sign-in', tag: 'session',
      summary: 'Moderators and admins sign in with a password (and a one-time code where enabled); failures lock the account for a while',
      body: Credentials, response: SignInResult,
      handler: async (ctx: Ctx<Credentials>) => {
        const { username, password, code } = ctx.body;
        const guard = ctx.services.signInGuard;
        await guard.check(ctx.db, ctx.community.id, username, ctx.client, ctx.now);
        const rows = await ctx.db.query<{ member_id: string; display_name: string; roles: string[]; password_hash: string; totp_secret: string | null; totp_last_step: string | number | null }>(
          'SELECT member_id, display_name, roles, password_hash, totp_secret, totp_last_step FROM staff WHERE community = $1 AND username = $2',
          [ctx.community.id, username],
        );
        const row = rows[0];
        // Hash even for unknown users, so timing does not tell which usernames exist.
        const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
        if (!row || !ok) {
          await guard.failed(ctx.db, ctx.community.id, username, ctx.client, ctx.now);
          throw forbidden('session.badCredentials');
        }
        if (row.totp_secret) {
          // The password was right: ask for the code (this attempt counts as neither failure nor success).
          if (!code) throw forbidden('session.totpRequired');
          const step = verifyTotp(row.totp_secret, code, ctx.now.getTime());
          // A code works once: the step must be later than the last one used.
          const fresh = step !== null && (await ctx.db.query(
            'UPDATE staff SET totp_last_step = $3 WHERE community = $1 AND username = $2 AND (totp_last_step IS NULL OR totp_last_step < $3) RETURNING 1',
            [ctx.community.id, username, step],
          )).length > 0;
          if (!fresh) {
            await guard.failed(ctx.db, ctx.community.id, username, ctx.client, ctx.now);
            throw forbidden('session.totpInvalid');
          }
        }
        await guard.succeeded(ctx.db, ctx.community.id, username, ctx.client);
        const payload: TokenPayload = {
          c: ctx.community.id, sub: row.member_id, name: row.display_name, roles: row.roles as Member['roles'],
          exp: Math.floor(Date.now() / 1000) + STAFF_TOKEN_SECONDS, kind: 'staff',
        };
        const member = await resolveMember(ctx.services.db, ctx.community.id, payload);
        return { session: { community: ctx.community.id, member }, token: signToken(payload, ctx.community.secret) };
      },
    },
    {
      method: 'put', path: '/session/profile', tag: 'session', summary: 'Change the name others see', body: ProfileInput, response: Member,
      handler: async (ctx: Ctx<ProfileInput>) => {
        const member = requireMember(ctx.member);
        await ctx.write(async (tx, changes) => {
          await tx.query(
            'UPDATE members SET profile_name = $3, name_key = $4 WHERE community = $1 AND id = $2',
            [ctx.community.id, member.id, ctx.body.displayName, foldText(ctx.body.displayName)],
          );
          changes.push({ topic: 'session', kind: 'updated', entity: 'member', id: member.id });
        });
        forgetMember(ctx.services.db, ctx.community.id, member.id);
        return { ...member, displayName: ctx.body.displayName };
      },
    },
    {
      method: 'post', path: '/files', tag: 'files', summary: 'Upload an image (JPEG, PNG, WebP) or a PDF',
      query: FileQuery, rawBody: { limit: FILE_LIMITS.pdf, contentTypes: [...IMAGE_TYPES, 'application/pdf'] }, response: FileRef,
      handler: async (ctx: Ctx<Uint8Array, z.infer<typeof FileQuery>>) => {
        const bytes = ctx.body;
        const claimed = (ctx.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        const type = sniff(bytes);
        // Same rules and issue codes as the local adapter.
        if (bytes.byteLength === 0) throw invalid('blob', 'file.empty');
        if (!type || type !== claimed) throw invalid('blob', 'file.type', { type: claimed || 'unknown' });
        const kind = type === 'application/pdf' ? 'pdf' : 'image';
        if (bytes.byteLength > FILE_LIMITS[kind]) throw invalid('blob', 'file.tooLarge', { max: FILE_LIMITS[kind] });
        const input = parse(FileInput, {
          id: ctx.query.id, name: ctx.query.name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }),
          ...(ctx.query.width && { width: Number(ctx.query.width) }), ...(ctx.query.height && { height: Number(ctx.query.height) }),
        });
        const rows = await ctx.write((tx) => tx.query<FileRow>(
          `INSERT INTO files (community, id, kind, name, type, size, width, height, data, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (community, id) DO NOTHING RETURNING ${FILE_COLUMNS}`,
          [ctx.community.id, input.id, kind, input.name, type, bytes.byteLength, input.width ?? null, input.height ?? null, bytes, ctx.now],
        ));
        const row = rows[0] ?? (await ctx.db.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE community = $1 AND id = $2`, [ctx.community.id, input.id]))[0];
        if (!row) throw new BackendError('unavailable', 'file not stored');
        return toFileRef(ctx, row);
      },
    },
    {
      method: 'get', path: '/files/:fileId', tag: 'files', summary: 'A stored file, with its type and nosniff', params: { fileId: Id }, raw: true,
      handler: async (ctx) => {
        const rows = await ctx.db.query<{ type: string; name: string; data: Uint8Array }>(
          'SELECT type, name, data FROM files WHERE community = $1 AND id = $2', [ctx.community.id, ctx.params.fileId],
        );
        const row = rows[0];
        if (!row) throw notFound('File');
        const disposition = row.type === 'application/pdf' ? 'attachment' : 'inline';
        return new Response(Buffer.from(row.data), {
          headers: {
            'Content-Type': row.type,
            'Content-Length': String(row.data.byteLength),
            'X-Content-Type-Options': 'nosniff',
            'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(row.name)}`,
            'Content-Security-Policy': "default-src 'none'; sandbox",
            'Cache-Control': 'public, max-age=31536000, immutable',
            'Cross-Origin-Resource-Policy': 'cross-origin',
          },
        });
      },
    },
  ];
}
