/** How numbers read in prose and tables: one place, so the same figure always looks the same. */
export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`;
/** A share as a percentage that never rounds a share short of all (or above none) to 100% (or 0%). */
export const boundedPercent = (share: number) =>
  share > 0.995 && share < 1 ? 'over 99%' : share > 0 && share < 0.005 ? 'under 1%' : percent(share);
export const ratio = (part: number, whole: number) => (whole ? percent(part / whole) : '—');
export const fixed = (value: number, digits = 2) => value.toFixed(digits);
export const bpm = (value: number) => `${Math.round(value)} BPM`;
/** A mood feature's value as a reader reads it: tempo in whole BPM, the others to two decimals. */
export const featureValue = (feature: string, value: number) => (feature === 'tempo' ? bpm(value) : fixed(value));
/** A feature's range as a reader says it: "0.50–0.60", tempo "96–120 BPM". */
export const featureRange = (feature: string, min: number, max: number) =>
  feature === 'tempo' ? `${Math.round(min)}–${Math.round(max)} BPM` : `${fixed(min)}–${fixed(max)}`;
/** A p-value as prose gives it, with its sign: "p = 0.65", "p = 0.003", "p < 0.001". */
export const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`);
export const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** An expected count in words, as a reader says it: 0.85 is "about one", 0.2 "none". */
export const about = (expected: number) => {
  const n = Math.round(expected);
  return n === 0 ? 'none' : `about ${NUMBER_WORDS[n] ?? String(n)}`;
};

/** A small whole number in words ("three"), larger ones in figures. */
export const count = (n: number) => (n >= 0 && n <= 10 ? NUMBER_WORDS[n] : String(n));
