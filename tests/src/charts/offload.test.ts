import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { StoryTrack } from '../../../scripts/schemas.ts';
import { filmArcChart } from '../../../src/charts/arcs.ts';
import { renderChart, renderRequest } from '../../../src/charts/offload.ts';
import { trackSequenceChart } from '../../../src/charts/tracks.ts';
import { storyTrack } from '../../support/tracks.ts';

// Inside the project, where the bundle's packages (Plot, linkedom, zod) resolve as they do beside the site build.
mkdirSync('.cache', { recursive: true });
const dir = mkdtempSync(join('.cache', 'test-chart-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.CHART_WORKER;
});

const track = (position: number) =>
  storyTrack(position, { features: { valence: position / 10, energy: 0.9, danceability: 0.3, tempo: 120 + position } });
const tracks = [1, 2, 3, 4].map(track);
const arc = [0, 1, 2].map((step) => ({ step, t: step / 2, valence: step / 2, energy: 1 - step / 2, danceability: 0.5, tempo: 0.25 }));

/** The worker as scripts/run.mjs bundles it beside the site build. */
async function bundledWorker(): Promise<string> {
  await build({
    entryPoints: ['src/charts/chart-worker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile: join(dir, 'chart-worker.mjs'),
    logLevel: 'warning',
  });
  return resolve(dir, 'chart-worker.mjs');
}

describe('renderChart', () => {
  it('renders in place without a chart thread: the chart function’s own SVG', async () => {
    expect(await renderChart('trackSequenceChart', 'Kids', tracks, '#000000')).toBe(trackSequenceChart('Kids', tracks, '#000000'));
  });

  it('gives the same SVG from the bundled chart thread, each page its own chart, however many wait at once', async () => {
    process.env.CHART_WORKER = await bundledWorker();
    const titles = ['Kids', 'Gummo', 'Nowhere', 'Doom Generation', 'Totally Fucked Up'];
    const [sequences, arcs] = await Promise.all([
      Promise.all(titles.map((t) => renderChart('trackSequenceChart', t, tracks, '#0072B2'))),
      Promise.all(titles.map((t) => renderChart('filmArcChart', t, arc, 'currentColor', undefined))),
    ]);
    expect(sequences).toEqual(titles.map((t) => trackSequenceChart(t, tracks, '#0072B2')));
    expect(arcs).toEqual(titles.map((t) => filmArcChart(t, arc, 'currentColor', undefined)));
  });

  it('fails the page, naming the chart’s own error, when a chart cannot be drawn on its thread', async () => {
    process.env.CHART_WORKER = await bundledWorker();
    await expect(renderChart('trackSequenceChart', 'Broken', null as unknown as StoryTrack[], '#000000')).rejects.toThrow(
      /a chart failed on its thread: TypeError/,
    );
  });
});

describe('renderRequest', () => {
  it('answers with the request’s id and the SVG, or the error instead of throwing', () => {
    expect(renderRequest({ id: 7, name: 'filmArcChart', args: ['Kids', arc, 'currentColor'] })).toEqual({
      id: 7,
      svg: filmArcChart('Kids', arc, 'currentColor'),
    });
    const failed = renderRequest({ id: 8, name: 'filmArcChart', args: ['Kids', null, 'currentColor'] });
    expect(failed.id).toBe(8);
    expect('error' in failed && failed.error).toMatch(/TypeError/);
  });
});
