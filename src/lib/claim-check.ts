/**
 * The claim check: words about an archetype's motion and level, read from each archetype
 * essay's title, summary and prose, held against the archetype's computed descriptors.
 * Where the data contradicts a word, a warning names the file, the line and the figure:
 *
 *   content/archetypes/x.mdx:4: 'flat', but this archetype's songs change the most between neighbours: 1.07, highest of 6
 *
 * It warns rather than stops the build: words are an editor's call, but never an
 * unnoticed one. The vocabulary is small on purpose (README, "Editing the essays"); a
 * word preceded by "not", "no", "few", "never", "without" or "less" is not read as a claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FEATURES, IMDB_ID_SOURCE, type Story, type StoryCluster } from '../../scripts/schemas.ts';

const ANCHOR_LINE = new RegExp(`^anchor:\\s*["']?(${IMDB_ID_SOURCE})`, 'm');

export interface ClaimWarning {
  file: string;
  line: number;
  word: string;
  message: string;
}

type Check = (c: StoryCluster) => string | null;
const fx = (v: number) => v.toFixed(2);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${fx(Math.abs(v))}`;

const volatilityFigure = (c: StoryCluster) => `${fx(c.descriptors.volatility.value)}, ${c.descriptors.volatility.rank === 1 ? 'highest' : c.descriptors.volatility.rank === c.descriptors.volatility.of ? 'lowest' : `${c.descriptors.volatility.rank} of`} of ${c.descriptors.volatility.of}`.replace(' of of ', ' of ');

const calmClaim: Check = (c) => (c.descriptors.volatility.word === 'volatile' ? `this archetype's songs change ${c.descriptors.volatility.rank === 1 ? 'the most' : 'more than most'} between neighbours: ${volatilityFigure(c)}` : null);
const volatileClaim: Check = (c) => (c.descriptors.volatility.word === 'calm' ? `this archetype's songs change ${c.descriptors.volatility.rank === c.descriptors.volatility.of ? 'the least' : 'less than most'} between neighbours: ${volatilityFigure(c)}` : null);
const trends = (c: StoryCluster, word: 'rising' | 'falling') => FEATURES.filter((f) => c.descriptors.trend[f].word === word);
const anyRising: Check = (c) => (trends(c, 'rising').length === 0 ? `no feature of this archetype rises over its films (trends: ${trendList(c)})` : null);
const anyFalling: Check = (c) => (trends(c, 'falling').length === 0 ? `no feature of this archetype falls over its films (trends: ${trendList(c)})` : null);
const energyRising: Check = (c) => (c.descriptors.trend.energy.word !== 'rising' ? `its energy does not build over its films: ${signed(c.descriptors.trend.energy.change)} sd, ${c.descriptors.trend.energy.word}` : null);
const energyFalling: Check = (c) => (c.descriptors.trend.energy.word !== 'falling' ? `its energy does not drain over its films: ${signed(c.descriptors.trend.energy.change)} sd, ${c.descriptors.trend.energy.word}` : null);
const level = (feature: 'valence' | 'energy' | 'tempo' | 'danceability', forbidden: 'low' | 'high', what: string): Check => (c) => {
  const l = c.descriptors.level[feature];
  return l.word === forbidden ? `its ${what} is ${forbidden} against all films: ${feature === 'tempo' ? `${Math.round(l.value)} BPM` : fx(l.value)}, above ${Math.round(l.percentile * 100)}% of films` : null;
};
function trendList(c: StoryCluster): string {
  return FEATURES.map((f) => `${f} ${signed(c.descriptors.trend[f].change)}`).join(', ');
}

/** Each word (lower case, whole word) and what would contradict it. */
export const CLAIM_WORDS: Record<string, Check> = {
  flat: calmClaim,
  steady: calmClaim,
  calm: calmClaim,
  still: calmClaim,
  smooth: calmClaim,
  volatile: volatileClaim,
  lurch: volatileClaim,
  lurches: volatileClaim,
  lurching: volatileClaim,
  jolt: volatileClaim,
  jolts: volatileClaim,
  jump: volatileClaim,
  jumps: volatileClaim,
  restless: volatileClaim,
  rising: anyRising,
  rises: anyRising,
  climb: anyRising,
  climbs: anyRising,
  falling: anyFalling,
  falls: anyFalling,
  sinks: anyFalling,
  sinking: anyFalling,
  building: energyRising,
  builds: energyRising,
  build: energyRising,
  escalating: energyRising,
  draining: energyFalling,
  drains: energyFalling,
  comedown: energyFalling,
  loud: level('energy', 'low', 'energy'),
  intense: level('energy', 'low', 'energy'),
  quiet: level('energy', 'high', 'energy'),
  soft: level('energy', 'high', 'energy'),
  fast: level('tempo', 'low', 'tempo'),
  slow: level('tempo', 'high', 'tempo'),
  happy: level('valence', 'low', 'valence'),
  cheerful: level('valence', 'low', 'valence'),
  bright: level('valence', 'low', 'valence'),
  sad: level('valence', 'high', 'valence'),
  bleak: level('valence', 'high', 'valence'),
  danceable: level('danceability', 'low', 'danceability'),
};

const NEGATIONS = new Set(['not', 'no', 'few', 'never', 'without', 'less', 'nor', "isn't", "doesn't", 'barely']);

/** Warnings for one archetype essay's text, given the archetype it is bound to. */
export function claimsIn(file: string, text: string, cluster: StoryCluster): ClaimWarning[] {
  const warnings: ClaimWarning[] = [];
  const lines = text.split('\n');
  let inFrontmatter = lines[0]?.trim() === '---';
  lines.forEach((raw, i) => {
    if (i > 0 && inFrontmatter && raw.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    // In the frontmatter only the title and summary are words a reader sees.
    if (inFrontmatter && !/^(title|summary):/.test(raw)) return;
    const prose = raw.replace(/<[^>]*>/g, ' ').replace(/^(title|summary):/, ' ');
    const words = prose.toLowerCase().match(/[a-z’']+/g) ?? [];
    words.forEach((word, w) => {
      const check = CLAIM_WORDS[word];
      if (!check) return;
      if (words.slice(Math.max(0, w - 2), w).some((x) => NEGATIONS.has(x))) return;
      const contradiction = check(cluster);
      if (contradiction) warnings.push({ file, line: i + 1, word, message: `${file}:${i + 1}: '${word}', but ${contradiction}` });
    });
  });
  return warnings;
}

/** Every archetype essay in contentDir/clusters, bound by its anchor film. */
export function checkClaims(contentDir: string, story: Story): ClaimWarning[] {
  const dir = join(contentDir, 'clusters');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const anchor = ANCHOR_LINE.exec(text)?.[1];
    const clusterId = story.films.find((f) => f.imdbId === anchor)?.cluster;
    const cluster = story.clusters.find((c) => c.id === clusterId);
    // An essay the binding cannot place is the essay check's to report.
    if (!cluster) return [];
    return claimsIn(relative(process.cwd(), path).split(sep).join('/'), text, cluster);
  });
}

export function formatClaimWarnings(warnings: ClaimWarning[]): string {
  if (warnings.length === 0) return 'claim check: no word in the archetype essays is contradicted by their data';
  return [`claim check: ${warnings.length} word${warnings.length === 1 ? '' : 's'} in the archetype essays the data contradicts (the build goes on; reword or explain):`, ...warnings.map((w) => `  ${w.message}`)].join('\n');
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
