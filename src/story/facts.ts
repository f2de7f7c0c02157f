/**
 * Named figures for prose: an essay writes <Fact name="featureShare" /> and the number
 * comes from the pipeline's story, never from the text. An unknown name stops the build
 * with the list of names that exist.
 */
import type { Story } from '../../scripts/schemas.ts';
import {
  CALIBRATION_LABELS,
  calibrationTest,
  chosenNullRow,
  clusteredFilms,
  filmTitle,
  findingSentence,
  readings,
  strengthWords,
} from './evidence.ts';
import { about, boundedPercent, count, fixed, list, pText, percent, ratio } from './format.ts';

type FactFn = (story: Story) => string;

const cumulative = (s: Story) => s.analysis.explainedVariance.slice(0, s.analysis.components).reduce((a, b) => a + b, 0);
const titles = (s: Story, ids: string[]) => ids.map((id) => filmTitle(s, id));
const rate = (s: Story, id: Parameters<typeof calibrationTest>[1]) => {
  const test = calibrationTest(s, id);
  return test ? percent(test.rejectionRate) : 'not measured';
};
const order = (s: Story) => s.analysis.orderSignal;

export const FACTS: Record<string, { describe: string; value: FactFn }> = {
  // The finding, in plain words.
  finding: { describe: 'the finding in one plain sentence (it turns if the evidence does)', value: (s) => `${findingSentence(s)}.` },
  powerSentence: { describe: 'how strong a shared arc this data could have caught, and how often', value: (s) => powerSentence(s) },
  // The data.
  films: { describe: 'number of films', value: (s) => String(s.films.length) },
  entries: { describe: 'soundtrack entries listed', value: (s) => String(s.coverage.entries) },
  entriesWithPerformer: { describe: 'entries with a known performer', value: (s) => String(s.coverage.withPerformer) },
  performerShare: { describe: 'share of entries with a performer', value: (s) => ratio(s.coverage.withPerformer, s.coverage.entries) },
  entriesWithGenres: { describe: 'entries with genre tags', value: (s) => String(s.coverage.withGenres) },
  entriesWithFeatures: { describe: 'entries with mood features', value: (s) => String(s.coverage.withFeatures) },
  featureShare: { describe: 'share of entries with mood features', value: (s) => ratio(s.coverage.withFeatures, s.coverage.entries) },
  entriesWithoutFeatures: { describe: 'entries without mood features', value: (s) => String(s.coverage.entries - s.coverage.withFeatures) },
  moodMapGenres: { describe: 'genres in the genre→mood map', value: (s) => String(Object.keys(s.genres.moodMap).length) },
  unmappedTags: { describe: 'genre tags not in the map', value: (s) => String(Object.keys(s.genres.unmappedTags).length) },
  // Arcs.
  steps: { describe: 'points per arc', value: (s) => String(s.method.steps) },
  arcValues: { describe: 'values per film (4 × steps)', value: (s) => String(4 * s.method.steps) },
  minFeaturedTracks: { describe: 'songs with mood features a film needs to get an arc', value: (s) => String(s.method.minFeaturedTracks) },
  clusteredFilms: { describe: 'films with enough songs to be clustered', value: (s) => String(s.analysis.clusteredFilms) },
  thinFilmCount: { describe: 'films set apart for too few songs with mood features', value: (s) => String(s.analysis.thinFilms.length) },
  thinFilms: { describe: 'titles of the films set apart', value: (s) => list(titles(s, s.analysis.thinFilms)) || 'none' },
  narrowRangeShare: {
    describe: 'range share below which a film’s feature counts as narrow',
    value: (s) => percent(s.method.narrowRangeShare),
  },
  narrowRangeFilms: {
    describe: 'clustered films with at least one narrow feature',
    value: (s) => String(clusteredFilms(s).filter((f) => f.narrowFeatures.length).length),
  },
  songsUnusedByPoints: {
    describe: 'songs with a mood the study’s reading of the arc never touched, as "22 of 195"',
    value: (s) => `${s.analysis.replication.unusedByPoints.unused} of ${s.analysis.replication.unusedByPoints.songs}`,
  },
  mostExtrapolated: {
    describe: 'the clustered film whose arc is held flat over the largest share of its listing, with that share',
    value: (s) => {
      const film = [...clusteredFilms(s)].sort((a, b) => b.extrapolatedShare - a.extrapolatedShare)[0];
      return film ? `${film.title} (${percent(film.extrapolatedShare)})` : 'none';
    },
  },
  // Runs.
  runs: {
    describe: 'artist runs over all clustered films',
    value: (s) => String(clusteredFilms(s).reduce((n, f) => n + f.runs.length, 0)),
  },
  runSongs: {
    describe: 'songs with moods over all clustered films',
    value: (s) => String(clusteredFilms(s).reduce((n, f) => n + f.runs.reduce((a, b) => a + b, 0), 0)),
  },
  songsInRuns: { describe: 'share of songs with moods that sit in a run of two or more by the same artists', value: (s) => songsInRuns(s) },
  longestRun: { describe: 'the longest artist run, as "five songs in Permanent Record"', value: (s) => longestRun(s) },
  // Reduction and clustering.
  components: { describe: 'principal components kept', value: (s) => String(s.analysis.components) },
  componentsVariance: { describe: 'variance the kept components explain', value: (s) => percent(cumulative(s)) },
  varianceTarget: { describe: 'variance target for PCA', value: (s) => percent(s.method.pcaVarianceTarget) },
  k: { describe: 'number of groups KMeans is asked for', value: (s) => String(s.analysis.k) },
  kmeansRestarts: { describe: 'KMeans restarts', value: (s) => String(s.method.kmeansRestarts) },
  kRange: {
    describe: 'range of k compared',
    value: (s) => `${s.analysis.kEvidence[0]?.k ?? '–'}–${s.analysis.kEvidence[s.analysis.kEvidence.length - 1]?.k ?? '–'}`,
  },
  kCandidates: { describe: 'number of k values compared', value: (s) => String(s.analysis.kEvidence.length) },
  singletonArchetypes: {
    describe: 'groups with a single film',
    value: (s) => String(s.archetypes.filter((c) => c.members.length === 1).length),
  },
  perplexity: { describe: 't-SNE perplexity', value: (s) => fixed(s.analysis.map.perplexity, 1) },
  // The clustering test.
  significance: { describe: 'p below which a result is called beyond chance', value: (s) => String(s.method.significance) },
  nullDraws: { describe: 'reorderings in the null model', value: (s) => String(s.analysis.nullModel.draws) },
  silhouetteChosen: { describe: 'mean silhouette of the published groups', value: (s) => fixed(chosenNullRow(s)?.silhouette ?? 0) },
  silhouetteNullMean: {
    describe: 'mean silhouette of reordered runs at the chosen k',
    value: (s) => fixed(chosenNullRow(s)?.nullMean ?? 0),
  },
  silhouetteNullP95: {
    describe: "95th percentile of reordered runs' silhouette at the chosen k",
    value: (s) => fixed(chosenNullRow(s)?.nullP95 ?? 0),
  },
  nullP: { describe: 'p of the real order against reordered runs at the chosen k', value: (s) => pText(chosenNullRow(s)?.p ?? 1) },
  nullPSongs: {
    describe: 'p of the withdrawn single-song shuffle at the chosen k',
    value: (s) => pText(s.analysis.nullModel.songLevel?.p ?? 1),
  },
  nullVerdict: { describe: 'the null model’s verdict in words', value: (s) => s.analysis.nullModel.verdict.text },
  // Order within films.
  orderShuffles: { describe: 'reorderings of each film’s runs for its order signal', value: (s) => String(s.method.orderShuffles) },
  orderFilmsBelow: {
    describe: 'films whose neighbouring songs are more alike than reordered runs make them',
    value: (s) => String(order(s).overall.filmsBelowSignificance),
  },
  orderFilmsTested: {
    describe: 'films with two or more runs, whose order can be tested',
    value: (s) => String(order(s).overall.filmsTested),
  },
  orderFilmsExpected: {
    describe: 'films expected below significance by chance alone, in words',
    value: (s) => about(order(s).overall.expectedByChance),
  },
  orderOverallP: { describe: 'p of the films’ order signal taken together', value: (s) => pText(order(s).overall.p) },
  orderChangeShare: {
    describe: 'real change between neighbouring songs as a share of reordered runs’, averaged over films',
    value: (s) => percent(order(s).overall.ratio),
  },
  orderFilmsBelowSongs: {
    describe: 'films the withdrawn single-song shuffle called smoother than chance',
    value: (s) => String(order(s).songLevel.filmsBelowSignificance),
  },
  orderOverallPSongs: {
    describe: 'p the withdrawn single-song shuffle gave all films together',
    value: (s) => pText(order(s).songLevel.p),
  },
  orderChangeShareSongs: { describe: 'real change as a share of single-song shuffles’', value: (s) => percent(order(s).songLevel.ratio) },
  smoothFilms: {
    describe: 'titles of the films smoother than reordered runs',
    value: (s) =>
      list(
        clusteredFilms(s)
          .filter((f) => (f.orderSignal?.orderP ?? 1) < s.method.significance)
          .map((f) => f.title),
      ) || 'none',
  },
  // Trends and shapes.
  trendShuffles: { describe: 'reorderings behind each trend’s p', value: (s) => String(s.method.trendShuffles) },
  trendsBeyondChance: {
    describe: 'film features that rise or fall beyond chance',
    value: (s) =>
      String(clusteredFilms(s).reduce((n, f) => n + Object.values(f.trend ?? {}).filter((t) => t.word !== 'no-trend').length, 0)),
  },
  trendsAgainstChance: {
    describe: 'the count of trends set against worlds without order, in words',
    value: (s) => againstChance(s, 'trend'),
  },
  shapesAgainstChance: {
    describe: 'the count of shapes set against worlds without order, in words',
    value: (s) => againstChance(s, 'shape'),
  },
  orderFilmsAgainstChance: {
    describe: 'the count of smooth films set against worlds without order, in words',
    value: (s) => againstChance(s, 'order-within-films'),
  },
  trendsTested: { describe: 'film features tested for a trend (4 per clustered film)', value: (s) => String(4 * clusteredFilms(s).length) },
  shapeMinCorrelation: { describe: 'correlation a story-shape template must reach', value: (s) => fixed(s.method.shapeMinCorrelation) },
  shapeShuffles: { describe: 'reorderings per film for its shape', value: (s) => String(s.method.shapeShuffles) },
  clearShapeFilms: {
    describe: 'films whose valence arc is closest to one shape',
    value: (s) => String(clusteredFilms(s).filter((f) => f.shape && f.shape.shape !== 'no-clear-shape').length),
  },
  shapesBeyondChance: {
    describe: 'films whose shape holds beyond chance',
    value: (s) => String(clusteredFilms(s).filter((f) => f.shape?.beyondChance).length),
  },
  // Calibration and power.
  calibrationWorlds: {
    describe: 'simulated worlds without order behind the calibration',
    value: (s) => String(s.analysis.calibration.worlds),
  },
  clusteringRate: {
    describe: 'how often the clustering test says “beyond chance” in worlds without order',
    value: (s) => rate(s, 'clustering'),
  },
  songShuffleRate: {
    describe: 'how often the withdrawn single-song test called a film smoother than chance in worlds without order',
    value: (s) => rate(s, 'order-within-films-songs'),
  },
  songShufflePooledRate: {
    describe: 'how often the withdrawn single-song test called all films together smoother than chance in worlds without order',
    value: (s) => rate(s, 'order-pooled-songs'),
  },
  spreadTestRate: {
    describe: 'how often the withdrawn per-group spread test said “tighter than chance” in worlds without order',
    value: (s) => rate(s, 'archetype-spread'),
  },
  calibrationSummary: {
    describe: 'whether every published test is calibrated, and what the clustering test’s rate means for its “no”',
    value: (s) => calibrationSummary(s),
  },
  powerDraws: { describe: 'draws of the clustering test in each planted world', value: (s) => String(s.analysis.power?.draws ?? 0) },
  powerWorlds: { describe: 'planted worlds at each strength', value: (s) => String(s.analysis.power?.curve[0]?.worlds ?? 0) },
  // Stability.
  stabilityResamples: { describe: 'refitted bootstrap resamples', value: (s) => String(s.method.stabilityResamples) },
  stableArchetypes: { describe: 'groups that survive resampling above chance, in words', value: (s) => count(readings(s, 'stable')) },
  fragileArchetypes: {
    describe: 'groups above chance but below the stable threshold, in words',
    value: (s) => count(readings(s, 'fragile')),
  },
  dissolvedArchetypes: {
    describe: 'groups no more stable than chance (or at most 0.5), in words',
    value: (s) => count(readings(s, 'dissolved')),
  },
  singleFilmArchetypes: { describe: 'groups of one film, in words', value: (s) => count(readings(s, 'single')) },
  jaccardStable: {
    describe: 'Jaccard stability at which a group counts as stable',
    value: (s) => fixed(s.analysis.stability.thresholds.stable),
  },
  jaccardDissolved: {
    describe: 'Jaccard stability at or below which a group has dissolved',
    value: (s) => fixed(s.analysis.stability.thresholds.dissolved),
  },
  jaccardHighest: {
    describe: 'highest Jaccard stability of any group',
    value: (s) => fixed(Math.max(...s.analysis.stability.archetypes.map((a) => a.jaccard))),
  },
  baselineDraws: { describe: 'random relabellings behind each group’s baseline', value: (s) => String(s.analysis.stability.baselineDraws) },
  baselineMean: {
    describe: 'stability random relabellings with the same sizes give, averaged over the groups',
    value: (s) => fixed(average(s.analysis.stability.archetypes.map((a) => a.baseline.mean))),
  },
  pairsTogether: {
    describe: 'pairs of films the refits keep together more than half the time',
    value: (s) => String(s.analysis.stability.pairs.length),
  },
  pairsAcross: {
    describe: 'of those, pairs from different groups',
    value: (s) => String(s.analysis.stability.pairs.filter((p) => !p.sameArchetype).length),
  },
  strayFilms: {
    describe: 'films kept with another group’s film more than with their own group',
    value: (s) =>
      list(
        titles(
          s,
          s.analysis.stability.strays.map((x) => x.imdbId),
        ),
      ) || 'none',
  },
  // The study.
  studyAri: { describe: 'adjusted Rand index between these groups and the study’s', value: (s) => fixed(s.analysis.studyComparison.ari) },
  studyFilmsCompared: {
    describe: 'films in both this run’s and the study’s groups',
    value: (s) => String(s.analysis.studyComparison.films),
  },
  studyNamesKept: {
    describe: 'groups that share most of their films with a study archetype',
    value: (s) => String(s.archetypes.filter((c) => c.study.keepsStudyName).length),
  },
  studySettingsAri: {
    describe: 'adjusted Rand index with the study’s groups, this data with every setting as the study had it',
    value: (s) => fixed(s.analysis.replication.agreement.studySettings.ari),
  },
  studySettingsFilms: {
    describe: 'films clustered with the study’s settings',
    value: (s) => String(s.analysis.replication.agreement.studySettings.films),
  },
  featuredStudy: {
    describe: 'songs with mood features in the study’s run',
    value: (s) => String(s.analysis.replication.featuredTotals.study),
  },
  featuredSite: { describe: 'songs with mood features here', value: (s) => String(s.analysis.replication.featuredTotals.site) },
  featuredFilmsDiffering: {
    describe: 'films whose count of songs with moods differs from the study’s',
    value: (s) => String(s.analysis.replication.featuredTotals.filmsDiffering),
  },
  levelPreservingAri: {
    describe: 'adjusted Rand index between per-film and level-preserving groups',
    value: (s) => fixed(s.analysis.levelPreservingAri),
  },
  // The line-up.
  lineupFilm: {
    describe: 'the film of the opening line-up',
    value: (s) => (s.analysis.lineup ? filmTitle(s, s.analysis.lineup.imdbId) : 'none'),
  },
  lineupRuns: { describe: 'artist runs of the line-up’s film', value: (s) => String(s.analysis.lineup?.runs ?? 0) },
  lineupSongs: { describe: 'songs with moods of the line-up’s film', value: (s) => String(s.analysis.lineup?.songs ?? 0) },
  lineupCount: { describe: 'arcs in the line-up', value: (s) => String(s.analysis.lineup?.arcs.length ?? 0) },
  levelResamples: { describe: 'bootstrap resamples behind each level’s interval', value: (s) => String(s.analysis.levels.resamples) },
  strengthWords: { describe: 'the planted strengths, as words', value: (s) => strengthWords(s) },
};

function calibrationSummary(s: Story): string {
  const published = s.analysis.calibration.tests.filter((t) => !t.withdrawn);
  const loose = published.filter((t) => t.rejectionRate > 0.07);
  const first = loose.length
    ? `Not every published test holds: ${list(loose.map((t) => `${CALIBRATION_LABELS[t.id].short} (${percent(t.rejectionRate, 1)})`))} says “beyond chance” too often, so read its result with care.`
    : 'Every published test says “beyond chance” no more often than it should.';
  const clustering = calibrationTest(s, 'clustering');
  if (!clustering) return first;
  const cautious = clustering.rejectionRate < s.method.significance;
  return `${first} The clustering test says it ${percent(clustering.rejectionRate, 1)} of the time${cautious ? ', less than one in twenty, so its “no” is if anything cautious' : ''}.`;
}

/**
 * A count of "beyond chance" set against the worlds without order: "within chance: worlds
 * without order give as many or more in 100% of them", or "more than chance: … only 1% of
 * them (p = 0.01)".
 */
function againstChance(s: Story, id: Parameters<typeof calibrationTest>[1]): string {
  const test = calibrationTest(s, id);
  if (!test || test.countP === null) return 'not set against chance';
  const share = (test.countP * (1 + test.worlds) - 1) / test.worlds;
  const often = share >= 1 ? 'every one of them' : `${boundedPercent(share)} of them`;
  return test.countP < s.method.significance
    ? `more than chance gives: worlds without order give as many or more in only ${often} (${pText(test.countP)})`
    : `within chance: worlds without order give as many or more in ${often}`;
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function songsInRuns(s: Story): string {
  const runs = clusteredFilms(s).flatMap((f) => f.runs);
  const songs = runs.reduce((a, b) => a + b, 0);
  return ratio(
    runs.filter((r) => r > 1).reduce((a, b) => a + b, 0),
    songs,
  );
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function longestRun(s: Story): string {
  let best: { title: string; length: number } | null = null;
  for (const film of clusteredFilms(s))
    for (const length of film.runs) if (!best || length > best.length) best = { title: film.title, length };
  return best ? `${NUMBER_WORDS[best.length] ?? best.length} songs in a row in ${best.title}` : 'none';
}

/**
 * What the clustering test's "no" is worth, from the power curve: how often it would have
 * caught shared arcs as strong as the songs' own variation, and the weakest it catches
 * four times in five.
 */
export function powerSentence(s: Story): string {
  const power = s.analysis.power;
  if (!power) return 'This catalogue is too large for the power simulation, so how strong a shared arc it could find was not measured.';
  const one = power.caught.atStrengthOne;
  const reliable = power.caught.strength80;
  const atOne =
    one === null
      ? ''
      : `If films shared arcs that moved as much as their songs vary within a film, this test would have caught them ${percent(one)} of the time`;
  const strong =
    reliable === null
      ? 'even the strongest arcs planted were not caught four times in five'
      : `it catches arcs ${fixed(reliable, reliable % 1 ? 1 : 0)} times as strong ${percent(power.caught.detection80 ?? 0)} of the time`;
  return `${atOne}${atOne ? '; ' : ''}${strong}. So the “no” rules out shared arcs that strong, not subtler ones.`;
}

export function fact(name: string, story: Story): string {
  const entry = Object.hasOwn(FACTS, name) ? FACTS[name] : undefined;
  if (!entry) {
    throw new Error(`<Fact name="${name}" /> names no figure. Known names: ${Object.keys(FACTS).sort().join(', ')}`);
  }
  return entry.value(story);
}
