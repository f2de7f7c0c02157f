/**
 * Observable Plot rendered to an SVG string at build time, against a linkedom document.
 * Every chart is one image with a label (role="img"); the figure around it carries the
 * caption and a data table, which is what assistive technology reads.
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
  // Plot's <style> block only repeats defaults the site's CSS sets for every chart.
  svg.querySelector('style')?.remove();
  // The chart is one image with one label; Plot's labels on its parts (marks, axes) would
  // be ARIA on elements without a role, which assistive technology cannot use.
  for (const part of Array.from(svg.querySelectorAll('[aria-label], [aria-description], [aria-hidden]'))) {
    part.removeAttribute('aria-label');
    part.removeAttribute('aria-description');
    part.removeAttribute('aria-hidden');
  }
  return svg.outerHTML;
}

export { Plot };
