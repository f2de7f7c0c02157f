/**
 * The claim check: words about a group's (or a film's) level, motion and shape, read from
 * each essay's frontmatter (title, summary: the card and meta description) and prose,
 * held against the descriptors its films vote (profiles stage): a word holds for a group
 * only where it holds for most of its films. Where it does not, a warning names the file,
 * the line, the word and each film's own word:
 *
 *   content/archetypes/x.mdx:3: 'loud', but energy is not high for most of its films: Suburbia high, My Own Private Idaho low
 *
 * Film notes (content/films/) are held against the film's own descriptors. It warns
 * rather than stops the build: words are an editor's call, but never an unnoticed one.
 * A word up to four words after "not", "no", "few", "never", "without", "less", "nor"
 * or "barely" is not read as a claim. The vocabulary is listed in CLAIM_WORDS (README, "Editing the
 * essays").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FEATURES, IMDB_ID_SOURCE, type FeatureName, type Story, type StoryFilm } from '../../scripts/schemas.ts';
import { archetypeById, filmOf, filmTitle } from '../story/lookup.ts';

const ANCHOR_LINE = new RegExp(`^(?:anchor|film):\\s*["']?(${IMDB_ID_SOURCE})`, 'm');

export interface ClaimWarning {
  file: string;
  line: number;
  word: string;
  message: string;
}

/** A word voted by films: the word most of them share, or "mixed", with each film's own. */
interface Vote {
  word: string;
  films: { imdbId: string; word: string }[];
}

/** What the words are held against: a group's votes, or one film's own words as a vote of one. */
export interface Subject {
  /** "its films" or "the film". */
  who: string;
  level: Record<FeatureName, Vote>;
  trend: Record<FeatureName, Vote>;
  volatility: Vote;
  shape: Vote;
}

type Check = (subject: Subject, title: (id: string) => string) => string | null;

const each = (vote: Vote, title: (id: string) => string) => vote.films.map((f) => `${title(f.imdbId)} ${f.word}`).join(', ');
const holds =
  (what: string, vote: Vote, wanted: string[]): Check =>
  (subject, title) =>
    wanted.includes(vote.word) ? null : `${what} is not ${wanted.join(' or ')} for most of ${subject.who}: ${each(vote, title)}`;

const level =
  (feature: FeatureName, word: 'high' | 'low'): Check =>
  (s, t) =>
    holds(feature, s.level[feature], [word])(s, t);
const volatility =
  (word: 'calm' | 'volatile'): Check =>
  (s, t) =>
    holds('the change between neighbouring songs', s.volatility, [word])(s, t);
const trend =
  (word: 'rising' | 'falling', features: readonly FeatureName[] = FEATURES): Check =>
  (s, t) => {
    if (features.some((f) => s.trend[f].word === word)) return null;
    const what = features.length === 1 ? `${features[0]} is not` : 'no feature is';
    return `${what} ${word} beyond chance for most of ${s.who}: ${features.map((f) => `${f} ${s.trend[f].word === 'mixed' ? `mixed (${each(s.trend[f], t)})` : s.trend[f].word}`).join('; ')}`;
  };
const shape =
  (...names: string[]): Check =>
  (s, t) =>
    holds('the story shape', s.shape, names)(s, t);

/** Each word (lower case, whole word) and what must hold for it. */
export const CLAIM_WORDS: Record<string, Check> = {
  ...Object.fromEntries(['calm', 'steady', 'smooth', 'still', 'flat', 'even'].map((w) => [w, volatility('calm')])),
  ...Object.fromEntries(
    ['volatile', 'restless', 'lurch', 'lurches', 'lurching', 'jolt', 'jolts', 'jump', 'jumps', 'jumpy', 'swings', 'swinging'].map((w) => [
      w,
      volatility('volatile'),
    ]),
  ),
  ...Object.fromEntries(
    ['rising', 'rises', 'rise', 'climb', 'climbs', 'climbing', 'lifts', 'sweetening', 'sweetens'].map((w) => [w, trend('rising')]),
  ),
  ...Object.fromEntries(
    ['falling', 'falls', 'fall', 'sinks', 'sinking', 'sink', 'decline', 'declines', 'declining', 'fade', 'fades', 'fading', 'cooling'].map(
      (w) => [w, trend('falling')],
    ),
  ),
  ...Object.fromEntries(['building', 'builds', 'build', 'escalating', 'escalates'].map((w) => [w, trend('rising', ['energy'])])),
  ...Object.fromEntries(['draining', 'drains', 'comedown'].map((w) => [w, trend('falling', ['energy'])])),
  ...Object.fromEntries(
    ['loud', 'louder', 'loudest', 'intense', 'hard', 'harder', 'heavy', 'energetic'].map((w) => [w, level('energy', 'high')]),
  ),
  ...Object.fromEntries(['quiet', 'quieter', 'soft', 'gentle', 'mellow'].map((w) => [w, level('energy', 'low')])),
  ...Object.fromEntries(['fast', 'faster', 'fastest', 'frantic'].map((w) => [w, level('tempo', 'high')])),
  ...Object.fromEntries(['slow', 'slower', 'slowest'].map((w) => [w, level('tempo', 'low')])),
  ...Object.fromEntries(
    ['happy', 'happier', 'happiest', 'cheerful', 'bright', 'brighter', 'sunny', 'sweet', 'upbeat'].map((w) => [
      w,
      level('valence', 'high'),
    ]),
  ),
  ...Object.fromEntries(
    ['sad', 'sadder', 'bleak', 'bleaker', 'bleakest', 'dark', 'darker', 'gloomy', 'grim'].map((w) => [w, level('valence', 'low')]),
  ),
  ...Object.fromEntries(['danceable', 'dancey', 'groovy'].map((w) => [w, level('danceability', 'high')])),
  tragedy: shape('tragedy'),
  icarus: shape('icarus'),
  cinderella: shape('cinderella'),
  oedipus: shape('oedipus'),
  riches: shape('rags-to-riches'),
};

const NEGATIONS = new Set(['not', 'no', 'few', 'never', 'without', 'less', 'nor', "isn't", 'isn’t', "doesn't", 'doesn’t', 'barely']);
/** Frontmatter lines that are the editor's address book, not words a reader sees. */
const NOT_WORDS = /^(anchor|film)\s*:/;

/** Warnings for one essay's text, given what it is about. */
export function claimsIn(file: string, text: string, subject: Subject, title: (id: string) => string = (id) => id): ClaimWarning[] {
  const warnings: ClaimWarning[] = [];
  const lines = text.split('\n');
  let inFrontmatter = lines[0]?.trim() === '---';
  lines.forEach((raw, i) => {
    if (i > 0 && inFrontmatter && raw.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    if (i === 0 && inFrontmatter) return;
    if (inFrontmatter && NOT_WORDS.test(raw.trim())) return;
    const prose = raw.replace(/<[^>]*>/g, ' ').replace(/^\s*[a-z]+\s*:/, ' ');
    const words = prose.toLowerCase().match(/[a-z’']+/g) ?? [];
    words.forEach((word, w) => {
      const check = CLAIM_WORDS[word];
      if (!check) return;
      // "not loud", "no feature rises or falls": a negation up to four words back.
      if (words.slice(Math.max(0, w - 4), w).some((x) => NEGATIONS.has(x))) return;
      const contradiction = check(subject, title);
      if (contradiction) warnings.push({ file, line: i + 1, word, message: `${file}:${i + 1}: '${word}', but ${contradiction}` });
    });
  });
  return warnings;
}

/** A film's own words as a vote of one. */
export function filmSubject(film: StoryFilm): Subject | null {
  if (!film.descriptors || !film.trend) return null;
  const one = (word: string): Vote => ({ word, films: [{ imdbId: film.imdbId, word }] });
  const perFeature = (word: (f: FeatureName) => string) =>
    Object.fromEntries(FEATURES.map((f) => [f, one(word(f))])) as Record<FeatureName, Vote>;
  return {
    who: 'the film',
    level: perFeature((f) => film.descriptors!.level[f].word),
    trend: perFeature((f) => film.trend![f].word),
    volatility: one(film.descriptors.volatility.word),
    shape: one(film.shape?.beyondChance ? film.shape.shape : 'no-clear-shape'),
  };
}

function essays(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.mdx'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/** Every group essay (content/archetypes/, bound by its anchor film) and film note (content/films/). */
export function checkClaims(contentDir: string, story: Story): ClaimWarning[] {
  const title = (id: string) => filmTitle(story, id);
  const name = (path: string) => relative(process.cwd(), path).split(sep).join('/');
  const subjectOf = (folder: 'archetypes' | 'films', text: string): Subject | null => {
    const id = ANCHOR_LINE.exec(text)?.[1];
    const film = id ? filmOf(story, id) : undefined;
    if (!film) return null;
    if (folder === 'films') return filmSubject(film);
    const group = archetypeById(story, film.archetype);
    return group ? { who: 'its films', ...group.descriptors } : null;
  };
  return (['archetypes', 'films'] as const).flatMap((folder) =>
    essays(join(contentDir, folder)).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const subject = subjectOf(folder, text);
      // An essay the binding cannot place is the essay check's to report.
      return subject ? claimsIn(name(path), text, subject, title) : [];
    }),
  );
}

export function formatClaimWarnings(warnings: ClaimWarning[]): string {
  if (warnings.length === 0) return 'claim check: every word about a group or a film holds for most of its films';
  return [
    `claim check: ${warnings.length} word${warnings.length === 1 ? '' : 's'} about a group or a film that most of its films do not bear out (the build goes on; reword or explain):`,
    ...warnings.map((w) => `  ${w.message}`),
  ].join('\n');
}

/** The claim check as the build and `npm run check` run it: the printed report. */
export function checkClaimsFromDisk(options: { contentDir: string; storyPath: string }): string {
  let story: Story;
  try {
    story = JSON.parse(readFileSync(options.storyPath, 'utf8')) as Story;
  } catch {
    return 'claim check: skipped, the story could not be read';
  }
  return formatClaimWarnings(checkClaims(options.contentDir, story));
}
