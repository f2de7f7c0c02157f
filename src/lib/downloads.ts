/**
 * The downloadable datasets (dist/data/*), built from the story and the archetype names.
 * One description per column serves the data page, dist/data/README.md and the CSV header
 * order, so the dictionary can never drift from the files.
 */
import { FEATURES, type ArcPoint, type Mood, type Story, type StoryCluster, type StoryFilm, type StoryTrack } from '../../scripts/schemas.ts';
import type { Archetype } from './archetypes.ts';
import { stableJson, toCsv, type CsvCell } from './data-formats.ts';

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
function csvDownload<Row>(file: string, title: string, describe: string, columns: CsvColumn<Row>[], rows: (story: Story, archetypes: Archetype[]) => Row[]): Download {
  return { file, title, describe, columns, build: (story, archetypes) => csv(columns, rows(story, archetypes)) };
}

const TRACK_COLUMNS: CsvColumn<{ film: StoryFilm; track: StoryTrack }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID of the film', value: ({ film }) => film.imdbId },
  { name: 'film', describe: 'Film title as the study named it', value: ({ film }) => film.title },
  { name: 'position', describe: 'Place of the entry on the film’s IMDb soundtrack page, from 1', value: ({ track }) => track.position },
  { name: 'title', describe: 'Song title, credit text removed', value: ({ track }) => track.title },
  { name: 'performers', describe: 'Credited performers, joined with "; "; empty when unknown', value: ({ track }) => join(track.performers) },
  { name: 'remixers', describe: 'Credited remixers (from a credit or the title), joined with "; "', value: ({ track }) => join(track.remixers) },
  { name: 'uncredited', describe: '"true" when IMDb marks the use as uncredited', value: ({ track }) => (track.uncredited ? 'true' : 'false') },
  { name: 'genres', describe: 'Genre tags of the performers and remixers, joined with "; "', value: ({ track }) => join(track.genres) },
  { name: 'contributing_tags', describe: 'The tags found in the genre→mood map and averaged into the features', value: ({ track }) => join(track.contributingTags) },
  { name: 'unmapped_tags', describe: 'Tags not in the genre→mood map (they add nothing)', value: ({ track }) => join(track.unmappedTags) },
  { name: 'valence', describe: 'Mean valence of the contributing tags, 0–1; empty when unknown', value: ({ track }) => track.features?.valence },
  { name: 'energy', describe: 'Mean energy, 0–1; empty when unknown', value: ({ track }) => track.features?.energy },
  { name: 'danceability', describe: 'Mean danceability, 0–1; empty when unknown', value: ({ track }) => track.features?.danceability },
  { name: 'tempo', describe: 'Mean tempo in BPM; empty when unknown', value: ({ track }) => track.features?.tempo },
];

const FILM_COLUMNS: CsvColumn<{ film: StoryFilm; archetype: Archetype | undefined }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID', value: ({ film }) => film.imdbId },
  { name: 'title', describe: 'Film title as the study named it', value: ({ film }) => film.title },
  { name: 'year', describe: 'Release year', value: ({ film }) => film.year },
  { name: 'vibe_keywords', describe: 'The study’s vibe keywords, joined with "; "', value: ({ film }) => join(film.vibeKeywords) },
  { name: 'source', describe: '"curated" (researched snapshot), "imdb" (scraped live) or "imdb-saved-page" (imported from an IMDb page saved in a browser)', value: ({ film }) => film.source },
  { name: 'tracks', describe: 'Soundtrack entries listed', value: ({ film }) => film.coverage.entries },
  { name: 'tracks_with_performer', describe: 'Entries with a known performer', value: ({ film }) => film.coverage.withPerformer },
  { name: 'tracks_with_genres', describe: 'Entries with at least one genre tag', value: ({ film }) => film.coverage.withGenres },
  { name: 'tracks_with_features', describe: 'Entries with mood features (the arc is built from these)', value: ({ film }) => film.coverage.withFeatures },
  { name: 'flags', describe: 'Caveats: few-featured-tracks, no-featured-tracks, no-soundtrack', value: ({ film }) => join(film.flags) },
  { name: 'cluster', describe: 'Archetype number (1…k); empty when the film has too few songs with mood features to be clustered', value: ({ film }) => film.cluster },
  { name: 'archetype', describe: 'Archetype name from its essay', value: ({ archetype }) => archetype?.title ?? '' },
  { name: 'cluster_confidence', describe: 'Share of the refitted bootstrap resamples that put the film in one cluster with its archetype’s other films, averaged over them, 0–1; empty for a film alone in its archetype or unclustered', value: ({ film }) => film.confidence },
  { name: 'order_p', describe: 'Share of orders of the film’s featured songs (the real one counted among them) whose mean change between neighbours is at most the real order’s: small when neighbouring songs are more alike than chance; empty when unclustered', value: ({ film }) => film.orderSignal?.orderP },
  { name: 'shape', describe: 'Story shape of the valence arc (Reagan et al. 2016): rags-to-riches, tragedy, man-in-a-hole, icarus, cinderella, oedipus or no-clear-shape; empty when unclustered', value: ({ film }) => film.shape?.shape },
  { name: 'shape_shuffled_same', describe: 'Share of shuffled orders of the film’s songs that get the same shape', value: ({ film }) => film.shape?.shuffledSameShape },
  { name: 'study_archetype', describe: 'The archetype the study put the film in', value: ({ film }) => film.study.archetype },
  { name: 'study_tracks_with_features', describe: 'Songs with mood features in the study’s own run', value: ({ film }) => film.study.featured },
  { name: 'map_x', describe: 't-SNE map x, scaled to −1…1', value: ({ film }) => film.map?.x },
  { name: 'map_y', describe: 't-SNE map y, scaled to −1…1', value: ({ film }) => film.map?.y },
  { name: 'pca_x', describe: 'First principal component, scaled to −1…1', value: ({ film }) => film.map?.pcaX },
  { name: 'pca_y', describe: 'Second principal component, scaled to −1…1', value: ({ film }) => film.map?.pcaY },
  { name: 'nearest_films', describe: 'IMDb IDs of the films with the closest arcs, nearest first, joined with "; "', value: ({ film }) => join(film.nearest.map((n) => n.imdbId)) },
  { name: 'level_valence', describe: 'Mean valence over the film’s featured tracks (its overall level)', value: ({ film }) => film.level?.valence },
  { name: 'level_energy', describe: 'Mean energy over the film’s featured tracks', value: ({ film }) => film.level?.energy },
  { name: 'level_danceability', describe: 'Mean danceability over the film’s featured tracks', value: ({ film }) => film.level?.danceability },
  { name: 'level_tempo', describe: 'Mean tempo (BPM) over the film’s featured tracks', value: ({ film }) => film.level?.tempo },
];

const ARC_COLUMNS: CsvColumn<{ film: StoryFilm; point: ArcPoint }>[] = [
  { name: 'imdb_id', describe: 'IMDb title ID', value: ({ film }) => film.imdbId },
  { name: 'step', describe: 'Step of the arc, from 1', value: ({ point }) => point.step + 1 },
  { name: 't', describe: 'Place in the film, 0 (first entry) to 1 (last entry)', value: ({ point }) => point.t },
  ...FEATURES.map((f) => ({ name: f, describe: `Interpolated ${f}, min-max scaled (see method)`, value: ({ point }: { point: ArcPoint }) => point[f] })),
];

const K_COLUMNS: CsvColumn<{ row: Story['analysis']['kEvidence'][number]; chosen: boolean }>[] = [
  { name: 'k', describe: 'Number of clusters tried', value: ({ row }) => row.k },
  { name: 'inertia', describe: 'Within-cluster sum of squares of the best of the KMeans restarts', value: ({ row }) => row.inertia },
  { name: 'silhouette', describe: 'Mean silhouette of that clustering (−1…1, higher = better separated)', value: ({ row }) => row.silhouette },
  { name: 'chosen', describe: '"true" for the k the site uses', value: ({ chosen }) => (chosen ? 'true' : 'false') },
];

const ARCHETYPE_COLUMNS: CsvColumn<{ cluster: StoryCluster; archetype: Archetype | undefined }>[] = [
  { name: 'cluster', describe: 'Archetype number (1…k)', value: ({ cluster }) => cluster.id },
  { name: 'name', describe: 'Archetype name from its essay', value: ({ archetype }) => archetype?.title ?? '' },
  { name: 'films', describe: 'IMDb IDs of its films, joined with "; "', value: ({ cluster }) => join(cluster.members) },
  { name: 'stability', describe: 'Hennig’s clusterwise Jaccard stability over the refitted bootstrap resamples, 0–1 (≥ 0.75 stable, ≤ 0.5 dissolved)', value: ({ cluster }) => cluster.stability.jaccard },
  { name: 'stability_reading', describe: 'stable, fragile or dissolved', value: ({ cluster }) => cluster.stability.reading },
  { name: 'shape', describe: 'Story shape of its mean valence arc', value: ({ cluster }) => cluster.descriptors.shape.shape },
  { name: 'volatility', describe: 'Mean change between consecutive songs of its films (z-scored features)', value: ({ cluster }) => cluster.descriptors.volatility.value },
  { name: 'order_null_p', describe: 'p of its films’ spread against the same films with shuffled song order (small = tighter than chance); empty for one film', value: ({ cluster }) => cluster.orderNull.p },
  { name: 'study_match', describe: 'The study archetype sharing the most films with it (Jaccard)', value: ({ cluster }) => cluster.study.name },
  { name: 'study_jaccard', describe: 'Jaccard overlap with that study archetype, 0–1', value: ({ cluster }) => cluster.study.jaccard },
  { name: 'study_shared', describe: 'IMDb IDs of the films they share, joined with "; "', value: ({ cluster }) => join(cluster.study.shared) },
];

const MOOD_COLUMNS: CsvColumn<[genre: string, mood: Mood]>[] = [
  { name: 'genre', describe: 'Genre tag', value: ([genre]) => genre },
  ...FEATURES.map((f) => ({ name: f, describe: f === 'tempo' ? 'Typical tempo in BPM' : `Typical ${f}, 0–1`, value: ([, mood]: [string, Mood]) => mood[f] })),
];

const archetypeOf = (archetypes: Archetype[], cluster: number | null) => archetypes.find((a) => a.cluster.id === cluster);

export const DOWNLOADS: Download[] = [
  csvDownload('tracks.csv', 'Tracks', 'Every soundtrack entry of every film, with credits, genre tags and inferred mood features.', TRACK_COLUMNS, (story) =>
    story.films.flatMap((film) => film.tracks.map((track) => ({ film, track }))),
  ),
  csvDownload(
    'films.csv',
    'Films',
    'One row per film: coverage, archetype, how often resamples keep it there, order signal, story shape, the study’s figures, map position and nearest films.',
    FILM_COLUMNS,
    (story, archetypes) => story.films.map((film) => ({ film, archetype: archetypeOf(archetypes, film.cluster) })),
  ),
  csvDownload('arcs.csv', 'Arcs', 'Each film’s arc: the four features interpolated onto evenly spaced steps.', ARC_COLUMNS, (story) =>
    story.films.flatMap((film) => (film.arc ?? []).map((point) => ({ film, point }))),
  ),
  csvDownload('k-evidence.csv', 'Evidence for k', 'Inertia and mean silhouette for every number of archetypes tried.', K_COLUMNS, (story) =>
    story.analysis.kEvidence.map((row) => ({ row, chosen: row.k === story.analysis.k })),
  ),
  csvDownload(
    'archetypes.csv',
    'Archetypes',
    'One row per archetype: its films, stability, shape, volatility, its test against shuffled order and its closest study archetype.',
    ARCHETYPE_COLUMNS,
    (story, archetypes) => story.clusters.map((cluster) => ({ cluster, archetype: archetypeOf(archetypes, cluster.id) })),
  ),
  {
    file: 'null-model.json',
    title: 'Null model',
    describe:
      'The shuffled-order test: for each k, the published clusters’ mean silhouette on the PCA scores of the clustered films, against the same analysis on songs shuffled within each film (mean, 95th percentile, p = (1 + draws at least as high) / (1 + draws)).',
    columns: [],
    build: (story) =>
      stableJson(
        {
          method: { arcScaling: story.method.arcScaling, steps: story.method.steps, k: story.analysis.k, minFeaturedTracks: story.method.minFeaturedTracks, draws: story.analysis.nullModel.draws, reduced: story.analysis.nullModel.reduced },
          byK: story.analysis.nullModel.byK.map((r) => ({ k: r.k, silhouette: r.silhouette, nullMean: r.nullMean, nullP95: r.nullP95, p: r.p, pError: r.pError })),
          archetypes: story.analysis.nullModel.archetypes,
          verdict: story.analysis.nullModel.verdict.text,
        },
        2,
      ),
  },
  csvDownload('genre-mood-map.csv', 'Genre → mood map', 'The study’s curated map from genre tag to typical valence, energy, danceability and tempo.', MOOD_COLUMNS, (story) => Object.entries(story.genres.moodMap)),
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
    describe: 'The whole pipeline output the site is built from: films, tracks, arcs, archetypes and the method’s evidence.',
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
      lines.push('| column | meaning |', '| --- | --- |', ...d.columns.map((c) => `| ${c.name} | ${c.describe} |`), '');
    }
  }
  lines.push('Lists inside a cell are joined with "; ". An empty cell means unknown. Cells that a spreadsheet would run as a formula start with an apostrophe.', '');
  lines.push('## Licence notes', '', ...LICENCE_NOTES.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
