declare module 'tsne-js' {
  interface TSNEConfig {
    dim?: number;
    perplexity?: number;
    earlyExaggeration?: number;
    learningRate?: number;
    nIter?: number;
    metric?: string;
  }
  export default class TSNE {
    constructor(config?: TSNEConfig);
    init(options: { data: number[][]; type: 'dense' | 'sparse' }): void;
    run(): [number, number];
    getOutput(): number[][];
    getOutputScaled(): number[][];
  }
}
