import { describe, expect, it } from 'vitest';
import { cleanTitle, parseCredits, remixerFromTitle } from '../../../scripts/lib/credit-parser.ts';
import type { CreditLine } from '../../../scripts/schemas.ts';

const line = (text: string, ...linked: [string, string | null][]): CreditLine => ({
  text,
  links: linked.map(([t, nameId]) => ({ text: t, nameId })),
});
const names = (people: { name: string }[]) => people.map((p) => p.name);

describe('credit lines', () => {
  it('reads compound roles', () => {
    const c = parseCredits('Song', [line('Written, Performed & Produced by Prince', ['Prince', 'nm0002239'])]);
    expect(names(c.performers)).toEqual(['Prince']);
    expect(names(c.writers)).toEqual(['Prince']);
    expect(c.performers[0].nameId).toBe('nm0002239');
    for (const text of ['Written and Performed by X', 'Performed & Composed by X', 'Sung by X', 'Played by X', 'Whistled by X']) {
      expect(names(parseCredits('Song', [line(text)]).performers)).toEqual(['X']);
    }
    expect(names(parseCredits('Song', [line('Performed & Composed by X')]).composers)).toEqual(['X']);
  });
  it('takes the linked name over the alias', () => {
    const c = parseCredits('Sex & Violence', [line('Performed by The Exploited (as Exploited)', ['The Exploited', 'nm1234567'])]);
    expect(c.performers).toEqual([{ name: 'The Exploited', nameId: 'nm1234567', creditedAs: 'Exploited' }]);
  });
  it('splits several performers but never a linked name', () => {
    expect(names(parseCredits('S', [line('Performed by X and Y')]).performers)).toEqual(['X', 'Y']);
    expect(names(parseCredits('S', [line('Performed by X & Y')]).performers)).toEqual(['X', 'Y']);
    expect(names(parseCredits('S', [line('Performed by X, Y, and Z')]).performers)).toEqual(['X', 'Y', 'Z']);
    expect(names(parseCredits('S', [line('Performed by Echo & the Bunnymen', ['Echo & the Bunnymen', 'nm0000001'])]).performers)).toEqual([
      'Echo & the Bunnymen',
    ]);
    expect(names(parseCredits('S', [line('Performed by Simon & Garfunkel and Y', ['Simon & Garfunkel', null])]).performers)).toEqual([
      'Simon & Garfunkel',
      'Y',
    ]);
  });
  it('keeps an unlinked "& the …" act whole and folds a backing band into its leader', () => {
    expect(names(parseCredits('S', [line('Performed by Echo & the Bunnymen')]).performers)).toEqual(['Echo & the Bunnymen']);
    const c = parseCredits('S', [line('Performed by Vince Tempera & Orchestra', ['Vince Tempera', 'nm0006394'])]);
    expect(c.performers).toEqual([{ name: 'Vince Tempera', nameId: 'nm0006394', creditedAs: 'Vince Tempera & Orchestra' }]);
  });
  it('ignores a band member list in parentheses', () => {
    const c = parseCredits('Tahiti Tahiti', [
      line(
        'Performed by Voyage (Sylvia Mason-James, Pierre-Alain Dahan, and Slim Pezin)',
        ['Voyage', 'nm0903899'],
        ['Sylvia Mason-James', 'nm1126721'],
        ['Pierre-Alain Dahan', 'nm1000657'],
        ['Slim Pezin', 'nm0679077'],
      ),
    ]);
    expect(names(c.performers)).toEqual(['Voyage']);
  });
  it('reads remixers from credits and from titles', () => {
    expect(names(parseCredits('One', [line('Remixed by Jack Dangers')]).remixers)).toEqual(['Jack Dangers']);
    expect(remixerFromTitle('Generation Wrekkked (Danny Saber Remix)')).toBe('Danny Saber');
    expect(remixerFromTitle('Dose (The Critter Mix)')).toBe('Critter');
    expect(remixerFromTitle('Oh My God (Remix Version)')).toBeNull();
    expect(remixerFromTitle('Kiddie Grinder (Remix)')).toBeNull();
    expect(remixerFromTitle('Religion (Pussywhipped Mix)')).toBeNull();
    expect(remixerFromTitle('Where Did You Sleep Last Night (Live Version)')).toBeNull();
    // A credit names the remixer better than the title's mix name.
    expect(names(parseCredits('One (The Full-On Jack Dangers Mix)', [line('Remixed by Jack Dangers')]).remixers)).toEqual(['Jack Dangers']);
  });
  it('turns licences and flags into fields, not names or title text', () => {
    const c = parseCredits('Copacabana(uncredited)', [
      line('Performed by X, courtesy of Y Records'),
      line('Courtesy of Z Records'),
      line('Under license from W'),
    ]);
    expect(c.title).toBe('Copacabana');
    expect(c.flags.uncredited).toBe(true);
    expect(names(c.performers)).toEqual(['X']);
    expect(c.licensing).toEqual(['courtesy of Y Records', 'Courtesy of Z Records', 'Under license from W']);
    expect(parseCredits('Flowers in the City(credit only)', []).flags.creditOnly).toBe(true);
    expect(parseCredits('S', [line('Produced by X (uncredited)')]).flags.uncredited).toBe(false);
  });
  it('skips lines that only look like credits', () => {
    const c = parseCredits('S', [
      line('(c) 2000 by IRc2 Corporation'),
      line('Administered by EMI Music Publishing'),
      line('Contains a sample of "Back Door Santa"'),
    ]);
    expect(c.performers).toEqual([]);
    expect(c.writers).toEqual([]);
  });
  it('cleans titles', () => {
    expect(cleanTitle('  Smokin\u0027 Husks(uncredited) ')).toEqual({ title: "Smokin' Husks", uncredited: true, creditOnly: false });
  });
});
