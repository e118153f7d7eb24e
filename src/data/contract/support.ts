/** Helpers shared by the domain suites: setting the store up through the contract itself. */
import type { Group, GroupInput, Membership, Resource, BookingRules, Page, Post } from '../schema/index.js';
import { AssertionError, isBackendError, ok, show } from './assert.js';
import type { Kit, Persona } from './context.js';
import { groupInput, resource as resourceFixture } from './fixtures.js';

/** Joins a group and accepts its current rules: what a visitor does before a first post. */
export async function enrol(persona: Persona, groupId: string): Promise<Membership> {
  await persona.backend.feed.join(groupId, {});
  return persona.backend.feed.acceptRules(groupId);
}

/** An admin creates a group (public and open unless overridden). */
export async function createGroup(kit: Kit, overrides: Partial<GroupInput> = {}): Promise<{ admin: Persona; group: Group }> {
  const admin = await kit.admin();
  const group = await admin.backend.feed.saveGroup(groupInput(overrides));
  return { admin, group };
}

/** The input that saves `group` again as it is. */
export function inputOf(group: Group): GroupInput {
  const { id, name, description, visibility, joinPolicy, rules, approveBeforePublish } = group;
  return { id, name, description, visibility, joinPolicy, rules, approveBeforePublish };
}

/** A fresh actor who joined `groupId` and accepted its rules. */
export async function enrolled(kit: Kit, groupId: string, kind: 'member' | 'moderator' | 'admin' = 'member', name?: string) {
  const persona = await kit.actor(kind, name);
  await enrol(persona, groupId);
  return persona;
}

/** An admin saves a bookable resource (an hour-grid resource unless overridden). */
export async function createResource(
  kit: Kit,
  overrides: Partial<Omit<Resource, 'rules'>> = {},
  rules: Partial<BookingRules> = {},
): Promise<{ admin: Persona; resource: Resource }> {
  const admin = await kit.admin();
  const resource = await admin.backend.bookings.saveResource(resourceFixture(overrides, rules));
  return { admin, resource };
}

/**
 * "Forbidden or absent": `call` either rejects with `forbidden`/`not-found`, or resolves to
 * something for which `absent` holds. Anything else fails.
 */
export async function invisible<T>(what: string, call: () => Promise<T>, absent: (value: T) => boolean): Promise<void> {
  let value: T;
  try {
    value = await call();
  } catch (error) {
    if (isBackendError(error) && (error.code === 'forbidden' || error.code === 'not-found')) return;
    throw new AssertionError(`${what}: expected forbidden, not-found or a result without it; got ${show(error)}`, error);
  }
  ok(absent(value), `${what}: returned what this session must not see: ${show(value)}`);
}

/** Ids of a page's items. */
export const ids = <T extends { id: string }>(items: readonly T[] | Page<T>): string[] =>
  (Array.isArray(items) ? items : (items as Page<T>).items).map((i) => i.id);

/** A page of posts contains none of `postIds`. */
export const withoutPosts = (postIds: readonly string[]) => (page: Page<Post>) =>
  page.items.every((p) => !postIds.includes(p.id));

/** A string of `n` characters. */
export const chars = (n: number, c = 'x') => c.repeat(n);

/** Casts a deliberately invalid input to the parameter type. */
export const bad = <T>(value: unknown): T => value as T;
