import { expect } from '@open-wc/testing';
import { decodeCursor, encodeCursor } from '../../src/data/rules/cursor.js';
import { deriveId, generateManageToken, MANAGE_TOKEN_BITS } from '../../src/data/rules/token.js';
import { Id } from '../../src/data/schema/index.js';
import { check } from '../../src/data/backend.js';

describe('rules/token', () => {
  it('makes url-safe manage tokens with at least 128 random bits', () => {
    expect(MANAGE_TOKEN_BITS).to.be.at.least(128);
    const tokens = Array.from({ length: 200 }, generateManageToken);
    for (const token of tokens) {
      expect(token).to.match(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).to.be.at.least(MANAGE_TOKEN_BITS);
    }
    expect(new Set(tokens).size).to.equal(tokens.length);
  });

  it('derives stable, valid ids that depend on every part', async () => {
    const a = await deriveId('award', 'input-1', 'member-1');
    expect(await deriveId('award', 'input-1', 'member-1')).to.equal(a);
    expect(await deriveId('award', 'input-1', 'member-2')).to.not.equal(a);
    // Length prefixes keep ("ab", "c") apart from ("a", "bc").
    expect(await deriveId('ab', 'c')).to.not.equal(await deriveId('a', 'bc'));
    for (const id of [a, await deriveId('x'), await deriveId('')]) expect(check(Id, id).ok, id).to.equal(true);
  });
});

describe('rules/cursor', () => {
  it('round-trips keys of its own list only', () => {
    const key = ['neuigkeiten', '2030-03-04T09:00:00.000Z', 'post-1'];
    const cursor = encodeCursor('posts', key);
    expect(cursor).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'posts')).to.deep.equal(key);
    expect(decodeCursor(cursor, 'comments')).to.equal(null);
    expect(decodeCursor(encodeCursor('q', ['schlüssel', 3]), 'q')).to.deep.equal(['schlüssel', 3]);
  });

  it('rejects garbage and tampered cursors', () => {
    for (const bad of ['', 'not a cursor!', 'eyJ4IjoxfQ', btoa('["posts",[{"x":1}]]'), btoa('["posts","k"]')]) {
      expect(decodeCursor(bad, 'posts'), bad).to.equal(null);
    }
  });
});
