/**
 * A member's data on request: the member exports or erases their own (`/session/me/data`),
 * admins do it for a member who asked them (`/members/:memberId/data`). Erasure needs the member
 * id repeated in the body, so no stray request erases anyone.
 */
import * as z from 'zod/mini';
import { Id } from '../../../src/data/schema/index.js';
import { invalid } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { ErasureReport, eraseMemberData, exportMemberData, MemberDataExport } from '../member-data.js';
import { requireAdmin, requireMember } from './common.js';

const EraseInput = z.object({ confirm: Id });

function erase(ctx: Ctx<z.infer<typeof EraseInput>>, memberId: string) {
  if (ctx.body.confirm !== memberId) throw invalid('confirm', 'member.eraseConfirm');
  return ctx.write(async (tx, changes) => {
    const report = await eraseMemberData(tx, ctx.community.id, memberId);
    for (const group of report.groups) changes.push({ topic: `feed/${group}`, kind: 'updated', entity: 'group', id: group });
    return report;
  });
}

export function memberDataRoutes(): Route[] {
  return [
    {
      method: 'get', path: '/session/me/data', tag: 'session', summary: 'The signed-in member’s data (GDPR Art. 15)', response: MemberDataExport,
      handler: async (ctx) => exportMemberData(ctx.db, ctx.community.id, requireMember(ctx.member).id, ctx.now),
    },
    {
      method: 'post', path: '/session/me/erase', tag: 'session', summary: 'Erase the signed-in member’s data (GDPR Art. 17)',
      body: EraseInput, response: ErasureReport,
      handler: async (ctx: Ctx<z.infer<typeof EraseInput>>) => erase(ctx, requireMember(ctx.member).id),
    },
    {
      method: 'get', path: '/members/:memberId/data', tag: 'session', summary: 'Admins: a member’s data, on the member’s request',
      params: { memberId: Id }, response: MemberDataExport,
      handler: async (ctx) => {
        requireAdmin(ctx.member);
        return exportMemberData(ctx.db, ctx.community.id, ctx.params.memberId!, ctx.now);
      },
    },
    {
      method: 'post', path: '/members/:memberId/erase', tag: 'session', summary: 'Admins: erase a member’s data, on the member’s request',
      params: { memberId: Id }, body: EraseInput, response: ErasureReport,
      handler: async (ctx: Ctx<z.infer<typeof EraseInput>>) => {
        requireAdmin(ctx.member);
        return erase(ctx, ctx.params.memberId!);
      },
    },
  ];
}
