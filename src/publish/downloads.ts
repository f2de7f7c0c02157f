/**
 * The downloadable datasets (dist/data/*), built from the story and the archetype names.
 * One description per column serves the data page, dist/data/README.md and the CSV header
 * order, so the dictionary can never drift from the files.
 */
import {
  FEATURES,
  type ArcPoint,
  type FeatureName,
  type Mood,
  type Story,
  type StoryArchetype,
  type StoryFilm,
  type StoryTrack,
} from '../story/schemas.ts';
import type { Archetype } from '../story/archetypes.ts';
import { stableJson, toCsv, type CsvCell } from './data-formats.ts';
import { filmOf, filmTitle } from '../story/lookup.ts';

/** A column as the data dictionary describes it. */
export interface Column {
  name: string;
  describe: string;
}

/** A CSV column: its name and meaning, and its cell in one row. */
interface CsvColumn<Row> extends Column {
  value: (row: Row) => CsvCell;
}

export interface Download {
  file: string;
  title: string;
  describe: string;
  /** A CSV file's columns, or a JSON file's top-level fields. */
  columns: Column[];
  build: (story: Story, archetypes: Archetype[]) => string;
}

const join = (items: string[]) => items.join('; ');

function csv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}

/** A CSV file of the downloads: its dictionary is its columns, and its rows are drawn from the story. */
function csvDownload<Row>(
  about: Pick<Download, 'file' | 'title' | 'describe'>,
  columns: CsvColumn<Row>[],
  rows: (story: Story, archetypes: Archetype[]) => Row[],
): Download {
  return { ...about, columns, build: (story, archetypes) => csv(columns, rows(story, archetypes)) };
}

const TRACK_COLUMNS: CsvColumn<{ film: StoryFilm; track: StoryTrack }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID of the film', value: ({ film }) => film.imdbId },
  { name: 'film', describe: 'Film title as the study named it', value: ({ film }) => film.title },
  { name: 'position', describe: 'Place of the entry on the film’s IMDb soundtrack page, from 1', value: ({ track }) => track.position },
  { name: 'title', describe: 'Song title, credit text removed', value: ({ track }) => track.title },
  {
    name: 'performers',
    describe: 'Credited performers, joined with "; "; empty when unknown',
    value: ({ track }) => join(track.performers),
  },
  {
    name: 'remixers',
    describe: 'Credited remixers (from a credit or the title), joined with "; "',
    value: ({ track }) => join(track.remixers),
  },
  {
    name: 'uncredited',
    describe: '"true" when IMDb marks the use as uncredited',
    value: ({ track }) => (track.uncredited ? 'true' : 'false'),
  },
  { name: 'genres', describe: 'Genre tags of the performers and remixers, joined with "; "', value: ({ track }) => join(track.genres) },
  {
    name: 'contributing_tags',
    describe: 'The tags found in the genre→mood map and averaged into the features',
    value: ({ track }) => join(track.contributingTags),
  },
  { name: 'unmapped_tags', describe: 'Tags not in the genre→mood map (they add nothing)', value: ({ track }) => join(track.unmappedTags) },
  {
    name: 'valence',
    describe: 'Mean valence of the contributing tags, 0–1; empty when unknown',
    value: ({ track }) => track.features?.valence,
  },
  { name: 'energy', describe: 'Mean energy, 0–1; empty when unknown', value: ({ track }) => track.features?.energy },
  { name: 'danceability', describe: 'Mean danceability, 0–1; empty when unknown', value: ({ track }) => track.features?.danceability },
  { name: 'tempo', describe: 'Mean tempo in BPM; empty when unknown', value: ({ track }) => track.features?.tempo },
];

const FILM_COLUMNS: CsvColumn<{ film: StoryFilm; archetype: Archetype | undefined }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID', value: ({ film }) => film.imdbId },
  { name: 'title', describe: 'Film title as the study named it', value: ({ film }) => film.title },
  { name: 'year', describe: 'Release year', value: ({ film }) => film.year },
  { name: 'vibe_keywords', describe: 'The study’s vibe keywords, joined with "; "', value: ({ film }) => join(film.vibeKeywords) },
  {
    name: 'source',
    describe: '"curated" (researched snapshot), "imdb" (scraped live) or "imdb-saved-page" (imported from an IMDb page saved in a browser)',
    value: ({ film }) => film.source,
  },
  { name: 'tracks', describe: 'Soundtrack entries listed', value: ({ film }) => film.coverage.entries },
  { name: 'tracks_with_performer', describe: 'Entries with a known performer', value: ({ film }) => film.coverage.withPerformer },
  { name: 'tracks_with_genres', describe: 'Entries with at least one genre tag', value: ({ film }) => film.coverage.withGenres },
  {
    name: 'tracks_with_features',
    describe: 'Entries with mood features (the arc is built from these)',
    value: ({ film }) => film.coverage.withFeatures,
  },
  {
    name: 'flags',
    describe:
      'Caveats: few-featured-tracks, no-featured-tracks, no-soundtrack, mostly-extrapolated (the arc is held flat over more than half the listing)',
    value: ({ film }) => join(film.flags),
  },
  {
    name: 'extrapolated_share',
    describe: 'Share of the listing before the first song with a mood and after the last, where the arc is held flat (a guess), 0–1',
    value: ({ film }) => film.extrapolatedShare,
  },
  {
    name: 'artist_runs',
    describe: 'Runs of consecutive songs with a mood by the same artists: the units every order test moves',
    value: ({ film }) => film.runs.length,
  },
  {
    name: 'cluster',
    describe: 'Number (1…k) of the group KMeans put it in; empty when the film has too few songs with mood features to be clustered',
    value: ({ film }) => film.archetype,
  },
  {
    name: 'archetype',
    describe: 'Name of that group, from its essay (a group of this site, not the study’s archetype)',
    value: ({ archetype }) => archetype?.title ?? '',
  },
  {
    name: 'cluster_confidence',
    describe:
      'Share of the refitted bootstrap resamples that put the film in one cluster with its group’s other films, averaged over them, 0–1; empty for a film alone in its group or unclustered',
    value: ({ film }) => film.confidence,
  },
  {
    name: 'order_p',
    describe:
      'Share of orders of the film’s artist runs (the real one counted among them) whose mean change between neighbouring songs is at most the real order’s: small when neighbouring songs are more alike than chance; empty when unclustered',
    value: ({ film }) => film.orderSignal?.orderP,
  },
  {
    name: 'order_p_single_songs',
    describe: 'The same with single songs shuffled, which breaks artist runs up: the withdrawn test, for the record',
    value: ({ film }) => film.orderSignal?.songOrderP,
  },
  ...FEATURES.flatMap((f): CsvColumn<{ film: StoryFilm; archetype: Archetype | undefined }>[] => [
    {
      name: `trend_${f}`,
      describe: `Slope of ${f} (as a z-score over all songs) on the songs’ places over the listing, in standard deviations; empty when unclustered`,
      value: ({ film }) => film.trend?.[f].slope,
    },
    {
      name: `trend_${f}_p`,
      describe: `Two-sided p of that slope against reorderings of the film’s artist runs`,
      value: ({ film }) => film.trend?.[f].p,
    },
  ]),
  {
    name: 'shape',
    describe:
      'Story shape the valence arc is closest to (Reagan et al. 2016): rags-to-riches, tragedy, man-in-a-hole, icarus, cinderella, oedipus or no-clear-shape; empty when unclustered',
    value: ({ film }) => film.shape?.shape,
  },
  {
    name: 'shape_p',
    describe:
      'Share of orders of its runs, the real one counted, whose arc follows its best template at least as closely; 1 for no clear shape',
    value: ({ film }) => film.shape?.p,
  },
  {
    name: 'shape_beyond_chance',
    describe: '"true" when shape_p is below the significance level: only then is the shape called',
    value: ({ film }) => (film.shape ? String(film.shape.beyondChance) : ''),
  },
  {
    name: 'shape_shuffled_same',
    describe: 'Share of reorderings of the film’s runs that get the same shape',
    value: ({ film }) => film.shape?.shuffledSameShape,
  },
  { name: 'study_archetype', describe: 'The archetype the study put the film in', value: ({ film }) => film.study.archetype },
  {
    name: 'study_tracks_with_features',
    describe: 'Songs with mood features in the study’s own run',
    value: ({ film }) => film.study.featured,
  },
  { name: 'map_x', describe: 't-SNE map x, scaled to −1…1', value: ({ film }) => film.map?.x },
  { name: 'map_y', describe: 't-SNE map y, scaled to −1…1', value: ({ film }) => film.map?.y },
  { name: 'pca_x', describe: 'First principal component, scaled to −1…1', value: ({ film }) => film.map?.pcaX },
  { name: 'pca_y', describe: 'Second principal component, scaled to −1…1', value: ({ film }) => film.map?.pcaY },
  {
    name: 'nearest_films',
    describe: 'IMDb IDs of the films with the closest arcs, nearest first, joined with "; "',
    value: ({ film }) => join(film.nearest.map((n) => n.imdbId)),
  },
  {
    name: 'level_valence',
    describe: 'Mean valence over the film’s featured tracks (its overall level)',
    value: ({ film }) => film.level?.valence,
  },
  { name: 'level_energy', describe: 'Mean energy over the film’s featured tracks', value: ({ film }) => film.level?.energy },
  {
    name: 'level_danceability',
    describe: 'Mean danceability over the film’s featured tracks',
    value: ({ film }) => film.level?.danceability,
  },
  { name: 'level_tempo', describe: 'Mean tempo (BPM) over the film’s featured tracks', value: ({ film }) => film.level?.tempo },
];

const ARC_COLUMNS: CsvColumn<{ film: StoryFilm; point: ArcPoint }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID', value: ({ film }) => film.imdbId },
  { name: 'step', describe: 'Step of the arc, from 1', value: ({ point }) => point.step + 1 },
  { name: 't', describe: 'Place in the film, 0 (first entry) to 1 (last entry)', value: ({ point }) => point.t },
  ...FEATURES.map((f) => ({
    name: f,
    describe: `Interpolated ${f}, min-max scaled (see method)`,
    value: ({ point }: { point: ArcPoint }) => point[f],
  })),
];

const K_COLUMNS: CsvColumn<{ row: Story['analysis']['kEvidence'][number]; chosen: boolean }>[] = [
  { name: 'k', describe: 'Number of clusters tried', value: ({ row }) => row.k },
  { name: 'inertia', describe: 'Within-cluster sum of squares of the best of the KMeans restarts', value: ({ row }) => row.inertia },
  {
    name: 'silhouette',
    describe: 'Mean silhouette of that clustering (−1…1, higher = better separated)',
    value: ({ row }) => row.silhouette,
  },
  { name: 'chosen', describe: '"true" for the k the site uses', value: ({ chosen }) => (chosen ? 'true' : 'false') },
];

const ARCHETYPE_COLUMNS: CsvColumn<{ cluster: StoryArchetype; archetype: Archetype | undefined }>[] = [
  { name: 'cluster', describe: 'Group number (1…k)', value: ({ cluster }) => cluster.id },
  { name: 'name', describe: 'Group name from its essay', value: ({ archetype }) => archetype?.title ?? '' },
  { name: 'size', describe: 'Films in the group', value: ({ cluster }) => cluster.members.length },
  { name: 'films', describe: 'IMDb IDs of its films, joined with "; "', value: ({ cluster }) => join(cluster.members) },
  {
    name: 'stability',
    describe: 'Hennig’s clusterwise Jaccard stability over the refitted bootstrap resamples, 0–1',
    value: ({ cluster }) => cluster.stability.jaccard,
  },
  {
    name: 'stability_baseline',
    describe:
      'The same figure when each resample’s groups are a random relabelling of the films with the same sizes: its mean over the relabellings',
    value: ({ cluster }) => cluster.stability.baseline.mean,
  },
  {
    name: 'stability_baseline_p95',
    describe: 'The 95th percentile of that baseline',
    value: ({ cluster }) => cluster.stability.baseline.p95,
  },
  {
    name: 'stability_reading',
    describe:
      'dissolved (no higher than the baseline’s 95th percentile, or at most 0.5), fragile (above both, below 0.75), stable (0.75 or more) or single (one film, which no resample can split)',
    value: ({ cluster }) => cluster.stability.reading,
  },
  {
    name: 'shape',
    describe: 'Story shape most of its films follow beyond chance, no-clear-shape, or mixed (see archetype-members.csv)',
    value: ({ cluster }) => cluster.descriptors.shape.word,
  },
  {
    name: 'volatility',
    describe: 'calm, moderate or volatile between neighbouring songs for most of its films, or mixed',
    value: ({ cluster }) => cluster.descriptors.volatility.word,
  },
  {
    name: 'study_match',
    describe: 'The study archetype sharing the most films with it (Jaccard)',
    value: ({ cluster }) => cluster.study.name,
  },
  { name: 'study_jaccard', describe: 'Jaccard overlap with that study archetype, 0–1', value: ({ cluster }) => cluster.study.jaccard },
  {
    name: 'study_shared',
    describe: 'IMDb IDs of the films they share, joined with "; "',
    value: ({ cluster }) => join(cluster.study.shared),
  },
];

const MOOD_COLUMNS: CsvColumn<[genre: string, mood: Mood]>[] = [
  { name: 'genre', describe: 'Genre tag', value: ([genre]) => genre },
  ...FEATURES.map((f) => ({
    name: f,
    describe: f === 'tempo' ? 'Typical tempo in BPM' : `Typical ${f}, 0–1`,
    value: ([, mood]: [string, Mood]) => mood[f],
  })),
];

const MEMBER_COLUMNS: CsvColumn<{ film: StoryFilm; cluster: StoryArchetype; archetype: Archetype | undefined }>[] = [
  { name: 'cluster', describe: 'Group number (1…k)', value: ({ cluster }) => cluster.id },
  { name: 'group', describe: 'Group name from its essay', value: ({ archetype }) => archetype?.title ?? '' },
  { name: 'imdb_id', describe: 'IMDb title ID of the member film', value: ({ film }) => film.imdbId },
  { name: 'title', describe: 'Film title', value: ({ film }) => film.title },
  ...FEATURES.flatMap((f): CsvColumn<{ film: StoryFilm; cluster: StoryArchetype; archetype: Archetype | undefined }>[] => [
    { name: `level_${f}`, describe: `Mean ${f} of the film’s songs with a mood`, value: ({ film }) => film.descriptors?.level[f].value },
    {
      name: `level_${f}_word`,
      describe: `low, middling or high: the film’s tercile of ${f} among the clustered films`,
      value: ({ film }) => film.descriptors?.level[f].word,
    },
    { name: `trend_${f}_word`, describe: `rising, falling (beyond chance) or no-trend`, value: ({ film }) => film.trend?.[f].word },
  ]),
  {
    name: 'volatility',
    describe: 'Mean change between neighbouring songs (z-scored features)',
    value: ({ film }) => film.descriptors?.volatility.value,
  },
  {
    name: 'volatility_word',
    describe: 'calm, moderate or volatile: its tercile among the clustered films',
    value: ({ film }) => film.descriptors?.volatility.word,
  },
  {
    name: 'shape',
    describe: 'Its story shape where it holds beyond chance, else no-clear-shape',
    value: ({ film }) => (film.shape?.beyondChance ? film.shape.shape : 'no-clear-shape'),
  },
  {
    name: 'kept_together',
    describe: 'Share of refits that kept it with the group’s other films, averaged over them; empty for a group of one',
    value: ({ film }) => film.confidence,
  },
];

const LEVEL_COLUMNS: CsvColumn<{
  imdbId: string;
  title: string;
  feature: FeatureName;
  level: Story['analysis']['levels']['films'][number]['features'][FeatureName];
}>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID', value: (r) => r.imdbId },
  { name: 'title', describe: 'Film title', value: (r) => r.title },
  { name: 'feature', describe: 'valence, energy, danceability or tempo', value: (r) => r.feature },
  { name: 'mean', describe: 'Mean of the feature over the film’s songs with a mood', value: (r) => r.level.mean },
  {
    name: 'low',
    describe: 'Lower end of its 95% interval, from resampling the film’s artists (each artist’s songs drawn together)',
    value: (r) => r.level.low,
  },
  { name: 'high', describe: 'Upper end of that interval', value: (r) => r.level.high },
  { name: 'rank', describe: 'Rank among the films, 1 = highest', value: (r) => r.level.rank },
  { name: 'rank_low', describe: 'Best end of its rank’s 95% interval over the same resamples', value: (r) => r.level.rankLow },
  { name: 'rank_high', describe: 'Worst end of that interval', value: (r) => r.level.rankHigh },
  { name: 'first_share', describe: 'Share of resamples in which it ranks first', value: (r) => r.level.firstShare },
  { name: 'last_share', describe: 'Share of resamples in which it ranks last', value: (r) => r.level.lastShare },
];

const archetypeOf = (archetypes: Archetype[], cluster: number | null) => archetypes.find((a) => a.cluster.id === cluster);

export const DOWNLOADS: Download[] = [
  csvDownload(
    {
      file: 'tracks.csv',
      title: 'Tracks',
      describe: 'Every soundtrack entry of every film, with credits, genre tags and inferred mood features.',
    },
    TRACK_COLUMNS,
    (story) => story.films.flatMap((film) => film.tracks.map((track) => ({ film, track }))),
  ),
  csvDownload(
    {
      file: 'films.csv',
      title: 'Films',
      describe:
        'One row per film: coverage, its group, how often resamples keep it there, order signal, story shape, the study’s figures, map position and nearest films.',
    },
    FILM_COLUMNS,
    (story, archetypes) => story.films.map((film) => ({ film, archetype: archetypeOf(archetypes, film.archetype) })),
  ),
  csvDownload(
    { file: 'arcs.csv', title: 'Arcs', describe: 'Each film’s arc: the four features interpolated onto evenly spaced steps.' },
    ARC_COLUMNS,
    (story) => story.films.flatMap((film) => (film.arc ?? []).map((point) => ({ film, point }))),
  ),
  csvDownload(
    { file: 'k-evidence.csv', title: 'Evidence for k', describe: 'Inertia and mean silhouette for every number of groups tried.' },
    K_COLUMNS,
    (story) => story.analysis.kEvidence.map((row) => ({ row, chosen: row.k === story.analysis.k })),
  ),
  csvDownload(
    {
      file: 'archetypes.csv',
      title: 'Archetypes',
      describe:
        'One row per group KMeans found: its films, its stability beside its chance baseline, the shape and volatility most of its films share, and its closest study archetype.',
    },
    ARCHETYPE_COLUMNS,
    (story, archetypes) => story.archetypes.map((cluster) => ({ cluster, archetype: archetypeOf(archetypes, cluster.id) })),
  ),
  csvDownload(
    {
      file: 'archetype-members.csv',
      title: 'Group members',
      describe:
        'One row per film of each group, with the film’s own descriptors, from which every word about its group is voted: a word holds for a group only when most of its films share it.',
    },
    MEMBER_COLUMNS,
    (story, archetypes) =>
      story.archetypes.flatMap((cluster) =>
        cluster.members.map((id) => ({
          film: filmOf(story, id)!,
          cluster,
          archetype: archetypeOf(archetypes, cluster.id),
        })),
      ),
  ),
  csvDownload(
    {
      file: 'levels.csv',
      title: 'Levels',
      describe:
        'Each clustered film’s mean valence, energy, danceability and tempo, with a 95% interval and a rank interval from resampling its artists.',
    },
    LEVEL_COLUMNS,
    (story) =>
      story.analysis.levels.films.flatMap((film) =>
        FEATURES.map((feature) => ({
          imdbId: film.imdbId,
          title: filmTitle(story, film.imdbId),
          feature,
          level: film.features[feature],
        })),
      ),
  ),
  {
    file: 'null-model.json',
    title: 'Tests against chance',
    describe:
      'Every order test and how far to trust it. Each reorders whole artist runs (maximal runs of consecutive songs with a mood by the same artists): the clustering test for each k, the order of songs within films, and the calibration of every test in worlds where order carries nothing.',
    columns: [
      { name: 'method', describe: 'Arc scaling, steps, k, minimum songs with moods, draws made and whether they were reduced' },
      { name: 'shuffle', describe: '"blocks": every draw reorders artist runs, never single songs' },
      {
        name: 'byK',
        describe:
          'For each k: the published fit’s mean silhouette, the draws’ mean and 95th percentile, p = (1 + draws at least as high) / (1 + draws) and its Monte Carlo error',
      },
      { name: 'songLevel', describe: 'The withdrawn test at the chosen k, with single songs shuffled, for the record' },
      { name: 'verdict', describe: 'The test at the chosen k in words' },
      {
        name: 'orderWithinFilms',
        describe:
          'Neighbouring songs against reordered runs: pooled p, mean ratio of real to reordered change, films below the significance level, films tested (two or more runs), shuffle',
      },
      { name: 'orderWithinFilmsSingleSongs', describe: 'The same with single songs shuffled: the withdrawn test' },
      {
        name: 'calibration',
        describe:
          'Per test: worlds, tests made, rejection rate at the significance level with its Monte Carlo error, whether the test is withdrawn',
      },
      { name: 'blocks', describe: 'Each clustered film’s artist runs, as lengths in listing order' },
    ],
    build: (story) => {
      const { nullModel, orderSignal, calibration } = story.analysis;
      const pooled = (o: typeof orderSignal.overall) => ({
        p: o.p,
        ratio: o.ratio,
        filmsBelow: o.filmsBelowSignificance,
        filmsTested: o.filmsTested,
        shuffle: o.shuffle,
      });
      return stableJson(
        {
          method: {
            arcScaling: story.method.arcScaling,
            steps: story.method.steps,
            k: story.analysis.k,
            minFeaturedTracks: story.method.minFeaturedTracks,
            draws: nullModel.draws,
            reduced: nullModel.reduced,
          },
          shuffle: nullModel.shuffle,
          byK: nullModel.byK.map((r) => ({
            k: r.k,
            silhouette: r.silhouette,
            nullMean: r.nullMean,
            nullP95: r.nullP95,
            p: r.p,
            pError: r.pError,
          })),
          songLevel: nullModel.songLevel,
          verdict: nullModel.verdict.text,
          orderWithinFilms: pooled(orderSignal.overall),
          orderWithinFilmsSingleSongs: pooled(orderSignal.songLevel),
          calibration: Object.fromEntries(
            calibration.tests.map((t) => [
              t.id,
              { worlds: t.worlds, tests: t.tests, rejectionRate: t.rejectionRate, error: t.error, withdrawn: t.withdrawn, unit: t.unit },
            ]),
          ),
          blocks: Object.fromEntries(story.films.filter((f) => f.archetype !== null).map((f) => [f.imdbId, f.runs])),
        },
        2,
      );
    },
  },
  {
    file: 'power.json',
    title: 'Power',
    describe:
      'What the clustering test’s “no” is worth: shared arcs of known strength (the six story shapes of Reagan et al., one per group of films) planted in simulated catalogues of these films’ shape, and how often the test finds them.',
    columns: [
      { name: 'significance', describe: 'The level a p must fall below' },
      { name: 'draws', describe: 'Reorderings behind each planted world’s test' },
      { name: 'shapes', describe: 'The planted shapes, one per group' },
      {
        name: 'curve',
        describe:
          'Per strength (signal to noise: the planted shape’s standard deviation over a film in standard deviations of the songs within films): worlds, detection rate and its error, mean adjusted Rand index of the recovered groups with the planted ones and its error',
      },
      {
        name: 'caught',
        describe:
          'The weakest strength caught at least 80% of the time (null if none), its detection rate, and the detection rate at strength 1',
      },
    ],
    build: (story) => stableJson(story.analysis.power, 2),
  },
  csvDownload(
    {
      file: 'genre-mood-map.csv',
      title: 'Genre → mood map',
      describe: 'The study’s curated map from genre tag to typical valence, energy, danceability and tempo.',
    },
    MOOD_COLUMNS,
    (story) => Object.entries(story.genres.moodMap),
  ),
  {
    file: 'genre-mood-map.json',
    title: 'Genre → mood map (JSON)',
    describe: 'The same map as JSON: genre → {valence, energy, danceability, tempo}.',
    columns: [],
    build: (story) => stableJson(story.genres.moodMap, 2),
  },
  {
    file: 'story.json',
    title: 'Everything (JSON)',
    describe: 'The whole pipeline output the site is built from: films, tracks, arcs, levels, groups and the method’s evidence.',
    columns: [],
    build: (story) => stableJson(story, 0),
  },
];

export const LICENCE_NOTES = [
  'Soundtrack listings are facts about the films (titles, order, credited performers), gathered from IMDb soundtrack pages and public sources; no IMDb page text or markup is redistributed. IMDb’s conditions of use forbid republishing its pages; these files hold only the facts.',
  'Genre tags are Spotify-style artist genres, curated by hand for this project. Spotify’s developer terms forbid redistributing its API responses; nothing here is a copy of one.',
  'Mood features are not measured from audio: they are the study’s genre→mood map averaged over a track’s tags.',
  'The datasets and code of this site may be reused with credit. The study this site retells is by Yiran Ren, for academic and educational use; it is not affiliated with IMDb or Spotify.',
];

export function dataReadme(): string {
  const lines = ['# Soundtrack Arcs: datasets', '', 'Files in this folder, and what every column means.', ''];
  for (const d of DOWNLOADS) {
    lines.push(`## ${d.file}`, '', d.describe, '');
    if (d.columns.length) {
      const kind = d.file.endsWith('.json') ? 'field' : 'column';
      lines.push(`| ${kind} | meaning |`, '| --- | --- |', ...d.columns.map((c) => `| ${c.name} | ${c.describe} |`), '');
    }
  }
  lines.push(
    'Lists inside a cell are joined with "; ". An empty cell means unknown. Cells that a spreadsheet would run as a formula start with an apostrophe.',
    '',
  );
  lines.push('## Licence notes', '', ...LICENCE_NOTES.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
