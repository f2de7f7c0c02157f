/**
 * Co-assignment: for every pair of films, the share of refits (each film's songs drawn
 * again, the whole analysis refitted) that put them in one group. Films are ordered by
 * the group the published fit gave them, with each group outlined: real groups would show
 * as dark squares on the diagonal; light squares, and dark cells outside them, are groups
 * falling apart.
 */
import { Plot, renderPlot } from './plot.ts';

export interface CoAssignmentFilm {
  title: string;
  group: number;
}

const short = (title: string) => (title.length > 16 ? `${title.slice(0, 15)}…` : title);

export function coAssignmentChart(films: CoAssignmentFilm[], together: number[][]): string {
  const cells = films.flatMap((a, i) =>
    films.map((b, j) => ({ a: short(a.title), b: short(b.title), share: together[i][j], same: a.group === b.group, self: i === j })),
  );
  const names = films.map((f) => short(f.title));
  const boxes: { x1: string; x2: string }[] = [];
  films.forEach((f, i) => {
    if (i === 0 || films[i - 1].group !== f.group) boxes.push({ x1: names[i], x2: names[i] });
    else boxes[boxes.length - 1].x2 = names[i];
  });
  const size = 28;
  return renderPlot(
    'How often the refits keep each pair of films in one group: darker is more often; the outlined squares are the published groups',
    {
      width: 160 + size * films.length,
      height: 150 + size * films.length,
      marginLeft: 150,
      marginBottom: 140,
      marginTop: 10,
      marginRight: 10,
      x: { domain: names, label: null, tickRotate: -60, tickSize: 0, padding: 0.05 },
      y: { domain: names, label: null, tickSize: 0, padding: 0.05 },
      // A share is its own opacity: a pair never kept together is blank, one always kept, solid.
      opacity: { domain: [0, 1], range: [0, 1] },
      marks: [
        // No tooltip per cell: 272 of them weigh on the page, and the table below holds the pairs that matter.
        Plot.cell(
          cells.filter((c) => !c.self),
          { x: 'b', y: 'a', fill: 'currentColor', fillOpacity: 'share' },
        ),
        Plot.cell(
          cells.filter((c) => c.self),
          { x: 'b', y: 'a', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.3 },
        ),
        ...boxes.map((box) =>
          Plot.rect([box], {
            x1: (d: typeof box) => d.x1,
            x2: (d: typeof box) => d.x2,
            y1: (d: typeof box) => d.x1,
            y2: (d: typeof box) => d.x2,
            fill: 'none',
            stroke: 'var(--accent)',
            strokeWidth: 2.5,
            inset: -1,
          }),
        ),
      ],
    },
  );
}
