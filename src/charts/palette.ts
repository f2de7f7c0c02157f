/**
 * Archetype colours from the Okabe–Ito palette (distinguishable with the common forms
 * of colour blindness), each paired with a symbol so colour is never the only cue.
 * Yellow is left out: it fails contrast on the paper background. The dark theme lifts
 * each colour in global.css.
 */
const COLORS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'];

export function archetypeColor(clusterId: number): string {
  return COLORS[(clusterId - 1) % COLORS.length];
}

export function archetypeSymbol(clusterId: number): string {
  return SYMBOLS[(clusterId - 1) % SYMBOLS.length];
}

/** The four mood features, each with its own ink. */
export const FEATURE_LABELS: Record<'valence' | 'energy' | 'danceability' | 'tempo', string> = {
  valence: 'Valence (sad → happy)',
  energy: 'Energy (calm → intense)',
  danceability: 'Danceability',
  tempo: 'Tempo',
};
