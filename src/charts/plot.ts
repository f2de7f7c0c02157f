/**
 * Observable Plot rendered to an SVG string at build time, against a linkedom document.
 * Every chart is an image with a label (the figure around it carries the caption and a
 * data table); its marks are hidden from assistive technology, which reads the table.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export type PlotOptions = Omit<Plot.PlotOptions, 'document'>;

/** Chart text is at least this size in CSS pixels at the chart's natural width. */
export const CHART_FONT_SIZE = 15;

export function renderPlot(label: string, options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({
    ...options,
    document: document as unknown as Document,
    ariaLabel: label,
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: 'var(--chart-font)', overflow: 'visible' },
  }) as unknown as Element;
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) throw new Error(`chart "${label}" rendered no SVG`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'chart');
  // Plot's default colour scheme string is replaced by the site's CSS; its <style> block only repeats defaults.
  svg.querySelector('style')?.remove();
  for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) {
    const kind = group.getAttribute('aria-label') ?? '';
    if (!/axis|tick|grid|facet|label/.test(kind)) group.setAttribute('aria-hidden', 'true');
  }
  return svg.outerHTML;
}

export { Plot };
