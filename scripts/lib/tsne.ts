/**
 * t-SNE on typed arrays, seeded so the same input gives the same map. Exact for small
 * sets (tsne-js does the same sums through ndarray and takes ten times as long), and
 * Barnes–Hut (van der Maaten, 2014) for hundreds or thousands of films, where exact
 * iterations take minutes: affinities over each point's 3·perplexity nearest
 * neighbours, repulsion through a quadtree.
 */
import { matrixOf, squaredRowDistance, type Matrix } from './matrix.ts';
import { randomNormal, seededRandom } from './random.ts';

export interface TsneOptions {
  perplexity: number;
  iterations: number;
  learningRate: number;
  earlyExaggeration: number;
  seed: number;
  theta?: number;
}

type Gradient = (y: Float64Array, grad: Float64Array, exaggeration: number) => void;

/** Gradient descent with momentum and gains (van der Maaten's schedule), from a seeded start. */
function optimise(n: number, options: TsneOptions, gradient: Gradient): number[][] {
  const random = seededRandom(options.seed);
  const y = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) y[i] = randomNormal(random) * 1e-4;
  const update = new Float64Array(2 * n);
  const gains = new Float64Array(2 * n).fill(1);
  const grad = new Float64Array(2 * n);
  const exaggerationEnd = Math.min(250, Math.floor(options.iterations / 3));
  for (let iter = 0; iter < options.iterations; iter++) {
    const exaggeration = iter < exaggerationEnd ? options.earlyExaggeration : 1;
    const momentum = iter < exaggerationEnd ? 0.5 : 0.8;
    gradient(y, grad, exaggeration);
    for (let i = 0; i < 2 * n; i++) {
      const g = grad[i];
      gains[i] = g > 0 !== update[i] > 0 ? gains[i] + 0.2 : Math.max(0.01, gains[i] * 0.8);
      update[i] = momentum * update[i] - options.learningRate * gains[i] * g;
      y[i] += update[i];
    }
    // Keep the embedding centred, so coordinates (and the quadtree's bounds) stay small.
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += y[2 * i];
      my += y[2 * i + 1];
    }
    mx /= n;
    my /= n;
    for (let i = 0; i < n; i++) {
      y[2 * i] -= mx;
      y[2 * i + 1] -= my;
    }
  }
  return Array.from({ length: n }, (_, i) => [y[2 * i], y[2 * i + 1]]);
}

/** Exact t-SNE: every pair attracts and repels. O(n²) per iteration, for small sets. */
export function exactTsne(data: number[][], options: TsneOptions): number[][] {
  const n = data.length;
  if (n === 0) return [];
  if (n === 1) return [[0, 0]];
  const { rows, cols, vals } = sparseAffinities(matrixOf(data), options.perplexity, n - 1);
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let e = rows[i]; e < rows[i + 1]; e++) p[i * n + cols[e]] = vals[e];
  const q = new Float64Array(n * n);
  return optimise(n, options, (y, grad, exaggeration) => {
    let sumQ = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = y[2 * i] - y[2 * j];
        const dy = y[2 * i + 1] - y[2 * j + 1];
        const w = 1 / (1 + dx * dx + dy * dy);
        q[i * n + j] = w;
        q[j * n + i] = w;
        sumQ += 2 * w;
      }
    }
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      let gx = 0;
      let gy = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const w = q[i * n + j];
        const m = (exaggeration * p[i * n + j] - w / sumQ) * w;
        gx += m * (y[2 * i] - y[2 * j]);
        gy += m * (y[2 * i + 1] - y[2 * j + 1]);
      }
      grad[2 * i] = 4 * gx;
      grad[2 * i + 1] = 4 * gy;
    }
  });
}

/** Barnes–Hut t-SNE: sparse attraction over nearest neighbours, repulsion through a quadtree. */
export function barnesHutTsne(data: number[][], options: TsneOptions): number[][] {
  const n = data.length;
  if (n === 0) return [];
  if (n === 1) return [[0, 0]];
  const { rows, cols, vals } = sparseAffinities(matrixOf(data), options.perplexity);
  const theta = options.theta ?? 0.8;
  const thetaSquared = theta * theta;
  const tree = new QuadTree(n);
  return optimise(n, options, (y, grad, exaggeration) => {
    tree.build(y, n);
    let sumQ = 0;
    for (let i = 0; i < n; i++) {
      tree.repulsion(y[2 * i], y[2 * i + 1], thetaSquared);
      sumQ += tree.sumQ;
      grad[2 * i] = -tree.fx;
      grad[2 * i + 1] = -tree.fy;
    }
    for (let i = 0; i < 2 * n; i++) grad[i] /= sumQ;
    for (let i = 0; i < n; i++) {
      for (let e = rows[i]; e < rows[i + 1]; e++) {
        const j = cols[e];
        const dx = y[2 * i] - y[2 * j];
        const dy = y[2 * i + 1] - y[2 * j + 1];
        const w = 1 / (1 + dx * dx + dy * dy);
        const pe = vals[e] * exaggeration;
        grad[2 * i] += pe * w * dx;
        grad[2 * i + 1] += pe * w * dy;
      }
    }
    for (let i = 0; i < 2 * n; i++) grad[i] *= 4;
  });
}

/** Symmetric P (CSR) from each point's nearest neighbours (all others, for exact t-SNE), calibrated to the perplexity. */
export function sparseAffinities(
  data: Matrix,
  perplexity: number,
  neighbourCount = Math.floor(3 * perplexity),
): { rows: Int32Array; cols: Int32Array; vals: Float64Array } {
  const n = data.n;
  const k = Math.max(1, Math.min(n - 1, neighbourCount));
  const { neighbours, neighbourDist } = nearestNeighbours(data, k);
  const conditional = conditionalProbabilities(neighbourDist, k, perplexity);
  return symmetricAffinities(neighbours, conditional, k);
}

/** The k nearest of each point and their squared distances, row by row, nearest first. */
function nearestNeighbours(data: Matrix, k: number): { neighbours: Int32Array; neighbourDist: Float64Array } {
  const n = data.n;
  const neighbours = new Int32Array(n * k);
  const neighbourDist = new Float64Array(n * k);
  // The k nearest of each point, kept in a sorted insertion buffer (ties: the lower index).
  const heapIdx = new Int32Array(k);
  const heapDist = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const s = squaredRowDistance(data, i, data, j);
      if (size === k && s >= heapDist[k - 1]) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && heapDist[at - 1] > s) {
        heapDist[at] = heapDist[at - 1];
        heapIdx[at] = heapIdx[at - 1];
        at--;
      }
      heapDist[at] = s;
      heapIdx[at] = j;
    }
    neighbours.set(heapIdx.subarray(0, k), i * k);
    neighbourDist.set(heapDist.subarray(0, k), i * k);
  }
  return { neighbours, neighbourDist };
}

/** Each point's conditional probabilities over its neighbours, by binary search on the Gaussian's precision to the perplexity. */
function conditionalProbabilities(neighbourDist: Float64Array, k: number, perplexity: number): Float64Array {
  const n = neighbourDist.length / k;
  const conditional = new Float64Array(n * k);
  const target = Math.log(perplexity);
  for (let i = 0; i < n; i++) {
    let beta = 1;
    let lo = -Infinity;
    let hi = Infinity;
    const base = i * k;
    for (let step = 0; step < 200; step++) {
      let sum = 0;
      for (let m = 0; m < k; m++) {
        const p = Math.exp(-beta * neighbourDist[base + m]);
        conditional[base + m] = p;
        sum += p;
      }
      if (sum === 0) sum = 1e-300;
      let entropy = 0;
      for (let m = 0; m < k; m++) {
        conditional[base + m] /= sum;
        entropy += beta * neighbourDist[base + m] * conditional[base + m];
      }
      entropy += Math.log(sum);
      const diff = entropy - target;
      if (Math.abs(diff) < 1e-5) break;
      if (diff > 0) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
  }
  return conditional;
}

/** Symmetrise: P_ij = (p_j|i + p_i|j) / 2n, stored in both rows, columns ascending (compressed rows). */
function symmetricAffinities(
  neighbours: Int32Array,
  conditional: Float64Array,
  k: number,
): { rows: Int32Array; cols: Int32Array; vals: Float64Array } {
  const n = neighbours.length / k;
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++)
    for (let m = 0; m < k; m++) {
      degree[i]++;
      degree[neighbours[i * k + m]]++;
    }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const rawCols = new Int32Array(start[n]);
  const rawVals = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < k; m++) {
      const j = neighbours[i * k + m];
      const p = conditional[i * k + m];
      rawCols[fill[i]] = j;
      rawVals[fill[i]++] = p;
      rawCols[fill[j]] = i;
      rawVals[fill[j]++] = p;
    }
  }
  // Merge duplicate columns (a pair that is in both neighbour lists) row by row.
  const rows = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let e = start[i]; e < start[i + 1]; e++) order.push(e);
    order.sort((x, y) => rawCols[x] - rawCols[y]);
    let last = -1;
    for (const e of order) {
      if (rawCols[e] === last) vals[vals.length - 1] += rawVals[e] / (2 * n);
      else {
        cols.push(rawCols[e]);
        vals.push(rawVals[e] / (2 * n));
        last = rawCols[e];
      }
    }
    rows[i + 1] = cols.length;
  }
  return { rows, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
}

/** A point-region quadtree over flat arrays, rebuilt every iteration. */
class QuadTree {
  private capacity: number;
  private cx!: Float64Array;
  private cy!: Float64Array;
  private half!: Float64Array;
  private comX!: Float64Array;
  private comY!: Float64Array;
  private count!: Float64Array;
  private child!: Int32Array;
  private point!: Int32Array;
  private size = 0;
  private y!: Float64Array;

  constructor(n: number) {
    this.capacity = 0;
    this.allocate(Math.max(16, 8 * n));
  }

  private allocate(capacity: number): void {
    const grow = <T extends Float64Array | Int32Array>(old: T | undefined, make: (c: number) => T): T => {
      const next = make(capacity);
      if (old) next.set(old.subarray(0, this.size) as never);
      return next;
    };
    this.cx = grow(this.cx, (c) => new Float64Array(c));
    this.cy = grow(this.cy, (c) => new Float64Array(c));
    this.half = grow(this.half, (c) => new Float64Array(c));
    this.comX = grow(this.comX, (c) => new Float64Array(c));
    this.comY = grow(this.comY, (c) => new Float64Array(c));
    this.count = grow(this.count, (c) => new Float64Array(c));
    this.child = grow(this.child, (c) => new Int32Array(c));
    this.point = grow(this.point, (c) => new Int32Array(c));
    this.capacity = capacity;
  }

  private node(cx: number, cy: number, half: number): number {
    if (this.size + 1 > this.capacity) this.allocate(this.capacity * 2);
    const id = this.size++;
    this.cx[id] = cx;
    this.cy[id] = cy;
    this.half[id] = half;
    this.comX[id] = 0;
    this.comY[id] = 0;
    this.count[id] = 0;
    this.child[id] = -1;
    this.point[id] = -1;
    return id;
  }

  build(y: Float64Array, n: number): void {
    this.y = y;
    this.size = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, y[2 * i]);
      maxX = Math.max(maxX, y[2 * i]);
      minY = Math.min(minY, y[2 * i + 1]);
      maxY = Math.max(maxY, y[2 * i + 1]);
    }
    const half = Math.max(maxX - minX, maxY - minY) / 2 + 1e-9;
    this.node((minX + maxX) / 2, (minY + maxY) / 2, half);
    for (let i = 0; i < n; i++) this.insert(0, i, 0);
  }

  private insert(start: number, i: number, startDepth: number): void {
    const px = this.y[2 * i];
    const py = this.y[2 * i + 1];
    let id = start;
    for (let depth = startDepth; ; depth++) {
      // Every node on the way down takes the point into its centre of mass.
      const c = this.count[id];
      this.comX[id] = (this.comX[id] * c + px) / (c + 1);
      this.comY[id] = (this.comY[id] * c + py) / (c + 1);
      this.count[id] = c + 1;
      if (this.child[id] === -1) {
        if (c === 0) {
          this.point[id] = i;
          return;
        }
        const other = this.point[id];
        // Identical points (or absurd depth) share a leaf instead of splitting forever.
        if (other >= 0 && depth < 48 && (this.y[2 * other] !== px || this.y[2 * other + 1] !== py)) {
          this.split(id);
          this.point[id] = -1;
          const q = this.quadrant(id, this.y[2 * other], this.y[2 * other + 1]);
          const target = this.child[id] + q;
          this.count[target] = 1;
          this.comX[target] = this.y[2 * other];
          this.comY[target] = this.y[2 * other + 1];
          this.point[target] = other;
        } else {
          return;
        }
      }
      id = this.child[id] + this.quadrant(id, px, py);
    }
  }

  private split(id: number): void {
    const h = this.half[id] / 2;
    const cx = this.cx[id];
    const cy = this.cy[id];
    const first = this.node(cx - h, cy - h, h);
    this.node(cx + h, cy - h, h);
    this.node(cx - h, cy + h, h);
    this.node(cx + h, cy + h, h);
    this.child[id] = first;
  }

  private quadrant(id: number, x: number, y: number): number {
    return (x >= this.cx[id] ? 1 : 0) + (y >= this.cy[id] ? 2 : 0);
  }

  /** Results of the last repulsion() call: Σ q·N over cells, and the unnormalised force. */
  sumQ = 0;
  fx = 0;
  fy = 0;
  private stack = new Int32Array(1024);

  /** Accumulates the repulsion on a point at (x, y) into sumQ, fx and fy (no allocation: it runs n times per iteration). */
  repulsion(x: number, y: number, thetaSquared: number): void {
    let sumQ = 0;
    let fx = 0;
    let fy = 0;
    let stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    const { count, comX, comY, child, half } = this;
    while (top > 0) {
      const id = stack[--top];
      const c = count[id];
      if (c === 0) continue;
      const dx = x - comX[id];
      const dy = y - comY[id];
      const d2 = dx * dx + dy * dy;
      const first = child[id];
      const width = 2 * half[id];
      if (first === -1 || width * width < thetaSquared * d2) {
        if (d2 === 0) {
          // The point itself (or exact duplicates of it): they count towards Z only.
          if (c > 1) sumQ += c - 1;
          continue;
        }
        const q = 1 / (1 + d2);
        const cq = c * q;
        sumQ += cq;
        fx += cq * q * dx;
        fy += cq * q * dy;
      } else {
        if (top + 4 > stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          this.stack = stack = bigger;
        }
        stack[top++] = first;
        stack[top++] = first + 1;
        stack[top++] = first + 2;
        stack[top++] = first + 3;
      }
    }
    this.sumQ = sumQ;
    this.fx = fx;
    this.fy = fy;
  }
}
