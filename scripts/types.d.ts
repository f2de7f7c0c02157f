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

// js-yaml ships no types; Astro parses frontmatter with it, and so does the essay check.
declare module 'js-yaml' {
  export interface Mark {
    line: number;
    column: number;
  }
  export class YAMLException extends Error {
    reason: string;
    mark?: Mark;
  }
  export function load(text: string, options?: { filename?: string }): unknown;
  const yaml: { load: typeof load; YAMLException: typeof YAMLException };
  export default yaml;
}
