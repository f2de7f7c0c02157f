/**
 * The frames charts share. Panels: four 0–1 panels stacked over one x axis, each named
 * above itself, the frame of a film's arc, an archetype's arc and a film's song sequence,
 * so the three line up panel for panel on a page. Axis labels: centred, without Plot's
 * arrow, on every chart that names an axis.
 */
import { Plot, renderPlot, type PlotOptions } from './plot.ts';

/** An axis label as every chart sets it: centred under the axis, no arrow. */
export const AXIS_LABEL = { labelAnchor: 'center', labelArrow: 'none' } as const;

/** Narrow enough to read at phone width without scaling down, tall panels stacked. */
const PANEL_CHART_WIDTH = 400;
const PANEL_HEIGHT = 84;
const PANEL_GAP = 30;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 44;

export interface PanelFrame {
  /** The panels' names, top to bottom: one facet each. */
  panels: readonly string[];
  /** The shared x axis; its label is set as AXIS_LABEL. */
  x: NonNullable<PlotOptions['x']>;
  /** What a panel's bottom and top are called. */
  yTicks: [low: string, high: string];
  marginRight: number;
  /** The name written above a panel; the panel's own name by default. */
  panelLabel?: (panel: string) => string;
}

export function panelChart(label: string, frame: PanelFrame, marks: PlotOptions['marks']): string {
  const { panels, yTicks } = frame;
  return renderPlot(label, {
    width: PANEL_CHART_WIDTH,
    height: panels.length * PANEL_HEIGHT + (panels.length - 1) * PANEL_GAP + MARGIN_TOP + MARGIN_BOTTOM,
    marginLeft: 44,
    marginRight: frame.marginRight,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    x: { ...AXIS_LABEL, ...frame.x },
    y: { domain: [0, 1], ticks: [0, 1], label: null, tickFormat: (v: number) => (v === 0 ? yTicks[0] : yTicks[1]) },
    fy: { domain: panels, label: null, axis: null, padding: 0.3 },
    facet: { label: null },
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      // In the gap above each panel, reaching back over the y axis's ticks.
      Plot.text(panels, {
        fy: (d: string) => d,
        frameAnchor: 'top-left',
        text: frame.panelLabel ?? ((d: string) => d),
        dy: -20,
        dx: -40,
        fontWeight: 700,
        textAnchor: 'start',
      }),
      ...(marks ?? []),
    ],
  });
}
