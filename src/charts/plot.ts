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

export interface RenderExtras {
  /**
   * "img" (the default): one picture, its parts presentational. "group": a chart whose
   * marks are links (the map), which an image role would hide from assistive technology.
   */
  role?: 'img' | 'group';
  /** A last pass over the finished SVG element, after Plot's ARIA has been removed. */
  decorate?: (svg: Element) => void;
}

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * One document for every chart: Plot only creates elements in it, never attaches them, so
 * each chart is its own detached tree, and a build of thousands of charts parses one
 * document instead of one per chart.
 */
let shared: Document | null = null;
function chartDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

export function renderPlot(label: string, options: PlotOptions, extras: RenderExtras = {}): string {
  const document = chartDocument();
  const chart = Plot.plot({
    ...options,
    document,
    ariaLabel: label,
    style: { fontSize: `${CHART_FONT_SIZE}px`, fontFamily: 'var(--chart-font)', overflow: 'visible' },
  }) as unknown as Element;
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) throw new Error(`chart "${label}" rendered no SVG`);
  svg.setAttribute('role', extras.role ?? 'img');
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
  // Plot's href channel writes xlink:href; a plain href (SVG 2) is what browsers, the
  // site's link checks and its BASE_PATH handling all read. Each link takes its mark's
  // <title> as its own first child, so the link itself is named and shows the tooltip.
  for (const a of Array.from(svg.querySelectorAll('a'))) {
    const target = a.getAttribute('xlink:href') ?? a.getAttributeNS(XLINK, 'href');
    if (target !== null) {
      a.removeAttribute('xlink:href');
      a.removeAttributeNS(XLINK, 'href');
      a.setAttribute('href', target);
    }
    const title = a.querySelector('title');
    // (Chromium and axe both take an SVG link's name from its <title>.)
    if (title) a.insertBefore(title, a.firstChild);
    a.removeAttribute('fill');
  }
  moveFontVariantToStyle(svg);
  extras.decorate?.(svg);
  return svg.outerHTML;
}

/**
 * Plot writes `font-variant="tabular-nums"` on its axes' groups. SVG's font-variant
 * attribute takes only "normal" or "small-caps" (an HTML validator rejects the rest), but
 * the CSS property it stands for also takes "tabular-nums": the same declaration as an
 * inline style keeps the aligned digits and is valid.
 */
function moveFontVariantToStyle(svg: Element): void {
  for (const el of Array.from(svg.querySelectorAll('[font-variant]'))) {
    const value = el.getAttribute('font-variant')!;
    el.removeAttribute('font-variant');
    const style = el.getAttribute('style');
    el.setAttribute('style', `${style ? `${style.replace(/;?\s*$/, ';')}` : ''}font-variant:${value}`);
  }
}

export { Plot };
