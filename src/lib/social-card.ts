/**
 * The social card (og.png, 1200 × 630), drawn at build time: the title set in Anton as
 * outlines (so no font needs to be installed to render it) over the landscape's dots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import sharp from 'sharp';
import type { Story } from '../../scripts/schemas.ts';
import type { Archetype } from './archetypes.ts';

const W = 1200;
const H = 630;

function loadFont(): opentype.Font {
  const file = createRequire(import.meta.url).resolve('@fontsource/anton/files/anton-latin-400-normal.woff');
  const bytes = readFileSync(file);
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function socialCardSvg(story: Story, archetypes: Archetype[]): string {
  const font = loadFont();
  const text = (value: string, x: number, y: number, size: number) => font.getPath(value, x, y, size).toPathData(1);
  const byCluster = new Map(archetypes.map((a) => [a.cluster.id, a]));
  const dots = story.films
    .filter((f) => f.map)
    .map((f) => {
      const a = f.cluster ? byCluster.get(f.cluster) : undefined;
      const x = 830 + ((f.map!.x + 1) / 2) * 320;
      const y = 120 + ((1 - f.map!.y) / 2) * 390;
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="13" fill="${a?.color ?? '#171513'}" stroke="#f3eee4" stroke-width="3"/>`;
    })
    .join('');
  const stripes = Array.from({ length: 40 }, (_, i) => `<rect x="${i * 32}" y="0" width="14" height="40" transform="skewX(-40)" fill="#171513"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="#f3eee4"/>
<g transform="translate(0 ${H - 40})">${stripes}</g>
<rect x="60" y="70" width="470" height="46" fill="#ffe14a" transform="rotate(-2 60 70)"/>
<path d="${text('A DATA STORY TOLD THROUGH SOUNDTRACKS', 74, 104, 26)}" fill="#171513" transform="rotate(-2 60 70)"/>
<path d="${text('SOUNDTRACK', 60, 300, 150)}" fill="#171513"/>
<rect x="52" y="322" width="360" height="168" fill="#171513" transform="rotate(-1.5 52 322)"/>
<path d="${text('ARCS', 70, 472, 150)}" fill="#f3eee4" transform="rotate(-1.5 52 322)"/>
<path d="${text(`${story.films.length} CULT FILMS · ${story.clusters.length} ARCHETYPES · ${story.coverage.entries} SONGS`, 62, 548, 30)}" fill="#171513"/>
${dots}
</svg>`;
}

export async function socialCardPng(story: Story, archetypes: Archetype[]): Promise<Buffer> {
  return sharp(Buffer.from(socialCardSvg(story, archetypes))).png({ compressionLevel: 9 }).toBuffer();
}
