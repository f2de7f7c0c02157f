/** Seeded pseudo-random numbers (mulberry32): every random step of the method draws from one of these. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  // The state kept as a signed 32-bit integer: the same bits as mulberry32's unsigned one,
  // but a value V8 holds unboxed, where an unsigned one above 2³¹ is a new heap number per draw.
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Standard normal draw (Box–Muller). */
export function randomNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Runs `fn` with Math.random replaced by a seeded generator, for libraries
 * (tsne-js) that draw from Math.random and offer no seed.
 */
export function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
