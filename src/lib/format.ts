/** How numbers read in prose and tables: one place, so the same figure always looks the same. */
export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`;
export const ratio = (part: number, whole: number) => (whole ? percent(part / whole) : '—');
export const fixed = (value: number, digits = 2) => value.toFixed(digits);
export const bpm = (value: number) => `${Math.round(value)} BPM`;
export const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
