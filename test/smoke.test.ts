import { expect } from '@open-wc/testing';
import { BookingRequest } from '../src/data/schema/index.js';
import { check } from '../src/data/backend.js';

describe('toolchain', () => {
  it('validates with zod/mini in Chromium', () => {
    const r = check(BookingRequest, {});
    expect(r.ok).to.equal(false);
  });
});
