/**
 * The downloadable datasets (dist/data/*), built from the story and the archetype names.
 * One description per column serves the data page, dist/data/README.md and the CSV header
 * order, so the dictionary can never drift from the files.
 */
import { FEATURES, type Story } from '../../scripts/schemas.ts';
import type { Archetype } from './archetypes.ts';
import { stableJson, toCsv, type CsvCell } from './data-formats.ts';

export interface Column {
  name: string;
  describe: string;
}

export interface Download {
  file: string;
  title: string;
  describe: string;
  columns: Column[];
  build: (story: Story, archetypes: Archetype[]) => string;
}

const join = (items: string[]) => items.join('; ');

function csv(columns: Column[], rows: Record<string, CsvCell>[]): string {
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => row[c.name])),
  );
}

const TRACK_COLUMNS: Column[] = [
  { name: 'imdb_id', describe: 'IMDb title ID of the film' },
  { name: 'film', describe: 'Film title as the study named it' },
  { name: 'position', describe: 'Place of the entry on the film’s IMDb soundtrack page, from 1' },
  { name: 'title', describe: 'Song title, credit text removed' },
  { name: 'performers', describe: 'Credited performers, joined with "; "; empty when unknown' },
  { name: 'remixers', describe: 'Credited remixers (from a credit or the title), joined with "; "' },
  { name: 'uncredited', describe: '"true" when IMDb marks the use as uncredited' },
  { name: 'genres', describe: 'Genre tags of the performers and remixers, joined with "; "' },
  { name: 'contributing_tags', describe: 'The tags found in the genre→mood map and averaged into the features' },
  { name: 'unmapped_tags', describe: 'Tags not in the genre→mood map (they add nothing)' },
  { name: 'valence', describe: 'Mean valence of the contributing tags, 0–1; empty when unknown' },
  { name: 'energy', describe: 'Mean energy, 0–1; empty when unknown' },
  { name: 'danceability', describe: 'Mean danceability, 0–1; empty when unknown' },
  { name: 'tempo', describe: 'Mean tempo in BPM; empty when unknown' },
];

const FILM_COLUMNS: Column[] = [
  { name: 'imdb_id', describe: 'IMDb title ID' },
  { name: 'title', describe: 'Film title as the study named it' },
  { name: 'year', describe: 'Release year' },
  { name: 'vibe_keywords', describe: 'The study’s vibe keywords, joined with "; "' },
  { name: 'source', describe: '"curated" (researched snapshot), "imdb" (scraped live) or "imdb-saved-page" (imported from an IMDb page saved in a browser)' },
  { name: 'tracks', describe: 'Soundtrack entries listed' },
  { name: 'tracks_with_performer', describe: 'Entries with a known performer' },
  { name: 'tracks_with_genres', describe: 'Entries with at least one genre tag' },
  { name: 'tracks_with_features', describe: 'Entries with mood features (the arc is built from these)' },
  { name: 'flags', describe: 'Caveats: few-featured-tracks, no-featured-tracks, no-soundtrack' },
  { name: 'cluster', describe: 'Archetype number (1…k); empty when the film has too few songs with mood features to be clustered' },
  { name: 'archetype', describe: 'Archetype name from its essay' },
  { name: 'cluster_confidence', describe: 'Share of the refitted bootstrap resamples that put the film in one cluster with its archetype’s other films, averaged over them, 0–1; empty for a film alone in its archetype or unclustered' },
  { name: 'order_p', describe: 'Share of orders of the film’s featured songs (the real one counted among them) whose mean change between neighbours is at most the real order’s: small when neighbouring songs are more alike than chance; empty when unclustered' },
  { name: 'shape', describe: 'Story shape of the valence arc (Reagan et al. 2016): rags-to-riches, tragedy, man-in-a-hole, icarus, cinderella, oedipus or no-clear-shape; empty when unclustered' },
  { name: 'shape_shuffled_same', describe: 'Share of shuffled orders of the film’s songs that get the same shape' },
  { name: 'study_archetype', describe: 'The archetype the study put the film in' },
  { name: 'study_tracks_with_features', describe: 'Songs with mood features in the study’s own run' },
  { name: 'map_x', describe: 't-SNE map x, scaled to −1…1' },
  { name: 'map_y', describe: 't-SNE map y, scaled to −1…1' },
  { name: 'pca_x', describe: 'First principal component, scaled to −1…1' },
  { name: 'pca_y', describe: 'Second principal component, scaled to −1…1' },
  { name: 'nearest_films', describe: 'IMDb IDs of the films with the closest arcs, nearest first, joined with "; "' },
  { name: 'level_valence', describe: 'Mean valence over the film’s featured tracks (its overall level)' },
  { name: 'level_energy', describe: 'Mean energy over the film’s featured tracks' },
  { name: 'level_danceability', describe: 'Mean danceability over the film’s featured tracks' },
  { name: 'level_tempo', describe: 'Mean tempo (BPM) over the film’s featured tracks' },
];

const ARC_COLUMNS: Column[] = [
  { name: 'imdb_id', describe: 'IMDb title ID' },
  { name: 'step', describe: 'Step of the arc, from 1' },
  { name: 't', describe: 'Place in the film, 0 (first entry) to 1 (last entry)' },
  ...FEATURES.map((f) => ({ name: f, describe: `Interpolated ${f}, min-max scaled (see method)` })),
];

const K_COLUMNS: Column[] = [
  { name: 'k', describe: 'Number of clusters tried' },
  { name: 'inertia', describe: 'Within-cluster sum of squares of the best of the KMeans restarts' },
  { name: 'silhouette', describe: 'Mean silhouette of that clustering (−1…1, higher = better separated)' },
  { name: 'chosen', describe: '"true" for the k the site uses' },
];

const ARCHETYPE_COLUMNS: Column[] = [
  { name: 'cluster', describe: 'Archetype number (1…k)' },
  { name: 'name', describe: 'Archetype name from its essay' },
  { name: 'films', describe: 'IMDb IDs of its films, joined with "; "' },
  { name: 'stability', describe: 'Hennig’s clusterwise Jaccard stability over the refitted bootstrap resamples, 0–1 (≥ 0.75 stable, ≤ 0.5 dissolved)' },
  { name: 'stability_reading', describe: 'stable, fragile or dissolved' },
  { name: 'shape', describe: 'Story shape of its mean valence arc' },
  { name: 'volatility', describe: 'Mean change between consecutive songs of its films (z-scored features)' },
  { name: 'order_null_p', describe: 'p of its films’ spread against the same films with shuffled song order (small = tighter than chance); empty for one film' },
  { name: 'study_match', describe: 'The study archetype sharing the most films with it (Jaccard)' },
  { name: 'study_jaccard', describe: 'Jaccard overlap with that study archetype, 0–1' },
  { name: 'study_shared', describe: 'IMDb IDs of the films they share, joined with "; "' },
];

const MOOD_COLUMNS: Column[] = [
  { name: 'genre', describe: 'Genre tag' },
  ...FEATURES.map((f) => ({ name: f, describe: f === 'tempo' ? 'Typical tempo in BPM' : `Typical ${f}, 0–1` })),
];

export const DOWNLOADS: Download[] = [
  {
    file: 'tracks.csv',
    title: 'Tracks',
    describe: 'Every soundtrack entry of every film, with credits, genre tags and inferred mood features.',
    columns: TRACK_COLUMNS,
    build: (story) =>
      csv(
        TRACK_COLUMNS,
        story.films.flatMap((f) =>
          f.tracks.map((t) => ({
            imdb_id: f.imdbId,
            film: f.title,
            position: t.position,
            title: t.title,
            performers: join(t.performers),
            remixers: join(t.remixers),
            uncredited: t.uncredited ? 'true' : 'false',
            genres: join(t.genres),
            contributing_tags: join(t.contributingTags),
            unmapped_tags: join(t.unmappedTags),
            valence: t.features?.valence,
            energy: t.features?.energy,
            danceability: t.features?.danceability,
            tempo: t.features?.tempo,
          })),
        ),
      ),
  },
  {
    file: 'films.csv',
    title: 'Films',
    describe: 'One row per film: coverage, archetype, how often resamples keep it there, order signal, story shape, the study’s figures, map position and nearest films.',
    columns: FILM_COLUMNS,
    build: (story, archetypes) =>
      csv(
        FILM_COLUMNS,
        story.films.map((f) => ({
          imdb_id: f.imdbId,
          title: f.title,
          year: f.year,
          vibe_keywords: join(f.vibeKeywords),
          source: f.source,
          tracks: f.coverage.entries,
          tracks_with_performer: f.coverage.withPerformer,
          tracks_with_genres: f.coverage.withGenres,
          tracks_with_features: f.coverage.withFeatures,
          flags: join(f.flags),
          cluster: f.cluster,
          archetype: archetypes.find((a) => a.cluster.id === f.cluster)?.title ?? '',
          cluster_confidence: f.confidence,
          order_p: f.orderSignal?.orderP,
          shape: f.shape?.shape,
          shape_shuffled_same: f.shape?.shuffledSameShape,
          study_archetype: f.study.archetype,
          study_tracks_with_features: f.study.featured,
          map_x: f.map?.x,
          map_y: f.map?.y,
          pca_x: f.map?.pcaX,
          pca_y: f.map?.pcaY,
          nearest_films: join(f.nearest.map((n) => n.imdbId)),
          level_valence: f.level?.valence,
          level_energy: f.level?.energy,
          level_danceability: f.level?.danceability,
          level_tempo: f.level?.tempo,
        })),
      ),
  },
  {
    file: 'arcs.csv',
    title: 'Arcs',
    describe: 'Each film’s arc: the four features interpolated onto evenly spaced steps.',
    columns: ARC_COLUMNS,
    build: (story) =>
      csv(
        ARC_COLUMNS,
        story.films.flatMap((f) => (f.arc ?? []).map((p) => ({ imdb_id: f.imdbId, step: p.step + 1, t: p.t, valence: p.valence, energy: p.energy, danceability: p.danceability, tempo: p.tempo }))),
      ),
  },
  {
    file: 'k-evidence.csv',
    title: 'Evidence for k',
    describe: 'Inertia and mean silhouette for every number of archetypes tried.',
    columns: K_COLUMNS,
    build: (story) => csv(K_COLUMNS, story.analysis.kEvidence.map((r) => ({ k: r.k, inertia: r.inertia, silhouette: r.silhouette, chosen: r.k === story.analysis.k ? 'true' : 'false' }))),
  },
  {
    file: 'archetypes.csv',
    title: 'Archetypes',
    describe: 'One row per archetype: its films, stability, shape, volatility, its test against shuffled order and its closest study archetype.',
    columns: ARCHETYPE_COLUMNS,
    build: (story, archetypes) =>
      csv(
        ARCHETYPE_COLUMNS,
        story.clusters.map((c) => ({
          cluster: c.id,
          name: archetypes.find((a) => a.cluster.id === c.id)?.title ?? '',
          films: join(c.members),
          stability: c.stability.jaccard,
          stability_reading: c.stability.reading,
          shape: c.descriptors.shape.shape,
          volatility: c.descriptors.volatility.value,
          order_null_p: c.orderNull.p,
          study_match: c.study.name,
          study_jaccard: c.study.jaccard,
          study_shared: join(c.study.shared),
        })),
      ),
  },
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
  {
    file: 'genre-mood-map.csv',
    title: 'Genre → mood map',
    describe: 'The study’s curated map from genre tag to typical valence, energy, danceability and tempo.',
    columns: MOOD_COLUMNS,
    build: (story) => csv(MOOD_COLUMNS, Object.entries(story.genres.moodMap).map(([genre, m]) => ({ genre, ...m }))),
  },
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
