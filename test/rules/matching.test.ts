import { expect } from '@open-wc/testing';
import { matchScore, type MatchCandidate } from '../../src/data/rules/matching.js';
import { tokenize } from '../../src/data/rules/text.js';

const lost = (overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  type: 'lost', category: 'keys', date: '2030-03-04', words: tokenize('Schlüsselbund mit rotem Anhänger'), ...overrides,
});
const found = (overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  type: 'found', category: 'keys', date: '2030-03-05', words: tokenize('Schluesselbund, roter Anhaenger'), ...overrides,
});

describe('rules/matching', () => {
  it('matches only opposite types of the same category', () => {
    expect(matchScore(lost(), found())).to.be.greaterThan(0);
    expect(matchScore(lost(), lost())).to.equal(0);
    expect(matchScore(lost(), found({ category: 'wallet' }))).to.equal(0);
  });

  it('drops items more than 14 days apart and prefers closer dates', () => {
    expect(matchScore(lost(), found({ date: '2030-03-18' }))).to.be.greaterThan(0);
    expect(matchScore(lost(), found({ date: '2030-03-18' }))).to.be.lessThan(matchScore(lost(), found()));
    expect(matchScore(lost(), found({ date: '2030-03-18', words: [] }))).to.be.greaterThan(0);
    expect(matchScore(lost(), found({ date: '2030-03-19' }))).to.equal(0);
    expect(matchScore(lost(), found({ date: '2030-02-17' }))).to.equal(0);
  });

  it('ranks shared words (after folding) above mere closeness', () => {
    const sameWords = matchScore(lost(), found({ date: '2030-03-10' }));
    const otherWords = matchScore(lost(), found({ words: tokenize('Autoschlüssel schwarz') }));
    expect(sameWords).to.be.greaterThan(otherWords);
  });

  it('treats microchips as decisive', () => {
    const cat = { category: 'animal' as const, words: tokenize('Katze getigert') };
    expect(matchScore(lost({ ...cat, microchip: '276098106543210' }), found({ ...cat, date: '2030-04-30', microchip: '276098106543210' }))).to.equal(1);
    expect(matchScore(lost({ ...cat, microchip: '276098106543210' }), found({ ...cat, microchip: '276098106543211' }))).to.equal(0);
  });
});
