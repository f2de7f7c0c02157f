import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  USAGE_EXIT_CODE,
  UsageError,
  oneOf,
  optionalFolder,
  parseCommandLine,
  parseOrExplain,
  wholeNumber,
} from '../../../scripts/lib/command-line.ts';

const options = { data: { type: 'string' }, live: { type: 'boolean' }, only: { type: 'string', multiple: true } } as const;
const usage = (args: string[], rules = {}) => {
  try {
    parseCommandLine(args, options, rules);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
};

afterEach(() => vi.restoreAllMocks());

describe('parseCommandLine', () => {
  it('returns the values and the tokens of a good command line', () => {
    const parsed = parseCommandLine(['--data', 'other', '--live', '--only', 'tt0133189', '--only', 'tt0120238'], options);
    expect(parsed.values).toEqual({ data: 'other', live: true, only: ['tt0133189', 'tt0120238'] });
    expect(parsed.tokens?.filter((t) => t.kind === 'option').map((t) => t.name)).toEqual(['data', 'live', 'only', 'only']);
  });
  it('rewords node’s errors as one sentence naming the option', () => {
    expect(usage(['--frobnicate'])).toBe('unknown option --frobnicate');
    expect(usage(['-z'])).toBe('unknown option -z');
    expect(usage(['--live=yes'])).toBe('--live takes no value');
    expect(usage(['--data'])).toBe('--data needs a value');
    // Followed by another option, the value is as missing as at the end.
    expect(usage(['--data', '--live'])).toBe('--data needs a value');
  });
  it('says what a missing value should be when the command says so', () => {
    expect(usage(['--only'], { needs: { only: 'at least one IMDb ID' } })).toBe('--only needs at least one IMDb ID');
    expect(usage(['--data'], { needs: { only: 'at least one IMDb ID' } })).toBe('--data needs a value');
  });
  it('refuses arguments that are not options unless the command takes them', () => {
    expect(usage(['somewhere'])).toBe('unknown option somewhere');
    expect(parseCommandLine(['somewhere', '--live'], options, { positionals: true }).positionals).toEqual(['somewhere']);
  });
});

describe('option values', () => {
  it('takes a whole number of at least the minimum, and names the option and the value otherwise', () => {
    expect(wholeNumber('--steps', '20', 2)).toBe(20);
    expect(wholeNumber('--steps', '2', 2)).toBe(2);
    for (const bad of ['1', '2.5', '-3', '1e3', '', ' 4', 'ten'])
      expect(() => wholeNumber('--steps', bad, 2), bad).toThrow(new UsageError(`--steps needs a whole number of at least 2, not "${bad}"`));
  });
  it('takes one of a few words, and lists them otherwise', () => {
    expect(oneOf('--genres', 'spotify', ['spotify', 'musicbrainz'] as const)).toBe('spotify');
    expect(() => oneOf('--genres', 'Spotify', ['spotify', 'musicbrainz'] as const)).toThrow(
      new UsageError('--genres takes spotify or musicbrainz, not "Spotify"'),
    );
  });
  it('takes at most one folder, falling back when none is given', () => {
    expect(optionalFolder([], 'data')).toBe('data');
    expect(optionalFolder(['elsewhere'], 'data')).toBe('elsewhere');
    expect(() => optionalFolder(['a', 'b'], 'data')).toThrow(new UsageError('unexpected argument b: give at most one data folder'));
  });
});

describe('parseOrExplain', () => {
  it('prints a usage error as "command: problem", then the usage, and gives null', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(parseOrExplain('coverage', () => optionalFolder(['a', 'b'], 'data'), 'usage: npm run coverage [-- <folder>]')).toBeNull();
    expect(printed.mock.calls).toEqual([
      ['coverage: unexpected argument b: give at most one data folder'],
      ['usage: npm run coverage [-- <folder>]'],
    ]);
    expect(USAGE_EXIT_CODE).toBe(2);
  });
  it('returns what parsing gives, and lets any other error through', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(parseOrExplain('x', () => 42)).toBe(42);
    expect(() =>
      parseOrExplain('x', () => {
        throw new TypeError('a bug, not a usage error');
      }),
    ).toThrow(TypeError);
    expect(printed).not.toHaveBeenCalled();
  });
});
