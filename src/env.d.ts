/// <reference types="astro/client" />
/// <reference path="../.astro/types.d.ts" />

// For `tsc` on .ts files that import components (astro check covers the .astro files themselves).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
