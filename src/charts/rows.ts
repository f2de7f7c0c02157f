/**
 * The frame of a chart with one row per item (a group, a test, a film): wide, the row's
 * name on the left; narrow (a phone), the name above its row, so the chart keeps its
 * text size instead of shrinking to fit.
 */
import { Plot, type PlotOptions } from './plot.ts';

export type RowLayout = 'wide' | 'narrow';

const NARROW_WIDTH = 340;

export function rowFrame(
  names: string[],
  layout: RowLayout,
  wide: { width: number; marginLeft: number; rowHeight: number },
): Pick<PlotOptions, 'width' | 'height' | 'marginLeft' | 'y'> & { names: PlotOptions['marks'] } {
  if (layout === 'wide') {
    return {
      width: wide.width,
      height: 80 + wide.rowHeight * names.length,
      marginLeft: wide.marginLeft,
      y: { domain: names, label: null, tickSize: 0 },
      names: [],
    };
  }
  return {
    width: NARROW_WIDTH,
    height: 80 + (wide.rowHeight + 18) * names.length,
    marginLeft: 14,
    y: { domain: names, axis: null, padding: 0.45 },
    names: [
      Plot.text(names, {
        y: (d: string) => d,
        frameAnchor: 'left',
        text: (d: string) => d,
        dy: -16,
        dx: -10,
        textAnchor: 'start',
        fontSize: 14,
      }),
    ],
  };
}
