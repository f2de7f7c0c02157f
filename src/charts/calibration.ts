/**
 * The calibration chart: each test's rejection rate in worlds where order carries nothing,
 * with two Monte Carlo errors either side, against the 5% a calibrated test gives. Rates
 * run on a square-root axis so 2%, 5% and 94% all read.
 */
import type { Calibration } from '../story/schemas.ts';
import { AXIS_LABEL } from './frame.ts';
import { Plot, renderPlot } from './plot.ts';
import { rowFrame, type RowLayout } from './rows.ts';

export function calibrationChart(calibration: Calibration, label: (id: string) => string, layout: RowLayout = 'wide'): string {
  const rows = calibration.tests.map((t) => ({
    test: label(t.id),
    rate: t.rejectionRate,
    lo: Math.max(0, t.rejectionRate - 2 * t.error),
    hi: Math.min(1, t.rejectionRate + 2 * t.error),
    status: t.withdrawn ? 'withdrawn' : 'published',
  }));
  const { names, ...frame } = rowFrame(
    rows.map((r) => r.test),
    layout,
    { width: 600, marginLeft: 290, rowHeight: 36 },
  );
  return renderPlot(
    `How often each test says “beyond chance” in ${calibration.worlds} worlds where order carries nothing; a calibrated test says it about 5% of the time`,
    {
      ...frame,
      marginRight: 20,
      marginBottom: 46,
      x: {
        type: 'sqrt',
        domain: [0, 1],
        ticks: [0, 0.05, 0.2, 0.5, 1],
        tickFormat: '.0%',
        label: 'rejection rate at p < 0.05',
        ...AXIS_LABEL,
        grid: true,
      },
      marks: [
        ...(names ?? []),
        Plot.ruleX([calibration.significance], { stroke: 'var(--accent)', strokeWidth: 2, strokeDasharray: '5 4' }),
        Plot.ruleY(rows, { y: 'test', x1: 'lo', x2: 'hi', stroke: 'currentColor', strokeOpacity: 0.6, strokeWidth: 2 }),
        Plot.dot(rows, {
          y: 'test',
          x: 'rate',
          r: 5,
          fill: (d: { status: string }) => (d.status === 'published' ? 'currentColor' : 'none'),
          stroke: 'currentColor',
          strokeWidth: 2,
        }),
      ],
    },
  );
}
