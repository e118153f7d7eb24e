import { expect } from '@open-wc/testing';
import { foldText, MAX_TOKEN_LENGTH, tokenize } from '../../src/data/rules/text.js';

describe('rules/text', () => {
  it('folds umlauts, their transliterations, ß and diacritics alike', () => {
    expect(foldText('Schlüssel')).to.equal('schlussel');
    expect(foldText('Schluessel')).to.equal('schlussel');
    expect(foldText('SCHLÜSSEL')).to.equal('schlussel');
    expect(foldText('Straße')).to.equal('strasse');
    expect(foldText('Größe')).to.equal(foldText('Groesse'));
    expect(foldText('Café Crème')).to.equal('cafe creme');
    expect(foldText('Äpfel Öl')).to.equal('apfel ol');
  });

  it('leaves "ue" after "q" alone', () => {
    expect(foldText('Quelle')).to.equal('quelle');
  });

  it('splits into distinct words and drops stop words unless asked not to', () => {
    // "blaue" folds to "blau" like every "ue": index and query agree, so it still matches.
    expect(tokenize('Der rote Schlüssel und der blaue Schlüssel')).to.deep.equal(['rote', 'schlussel', 'blau']);
    expect(tokenize('Der rote Schlüssel', { stopWords: false })).to.deep.equal(['der', 'rote', 'schlussel']);
    expect(tokenize('Katze, 3 Jahre – „Mimi“ (getigert)!')).to.deep.equal(['katze', 'jahre', 'mimi', 'getigert']);
  });

  it('keeps numbers such as a microchip and caps very long words', () => {
    expect(tokenize('Chip 276098106543210')).to.deep.equal(['chip', '276098106543210']);
    const [long] = tokenize('x'.repeat(100));
    expect(long).to.have.length(MAX_TOKEN_LENGTH);
  });
});
