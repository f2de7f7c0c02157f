/** The shared pieces of a problem report: paths as the editor types them, and "did you mean". */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { closest, displayPath } from '../../../src/editorial/content-problem.ts';

describe('content problems', () => {
  it('shows paths relative to the working directory, with forward slashes', () => {
    expect(displayPath(join(process.cwd(), 'content', 'essay', 'home.mdx'))).toBe('content/essay/home.mdx');
  });

  it('suggests the nearest name within a few edits, whatever the case, and nothing when none is near', () => {
    expect(closest('FlimArc', ['FilmArc', 'FilmMap'])).toBe('FilmArc');
    expect(closest('The Sweetening', ['the-sweetening', 'cooling-off'])).toBe('the-sweetening');
    expect(closest('essays', ['archetypes', 'essay', 'films'])).toBe('essay');
    expect(closest('zzz', ['archetypes', 'essay'])).toBeUndefined();
  });
});
