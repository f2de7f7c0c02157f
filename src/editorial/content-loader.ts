/**
 * Astro's glob loader, made to keep going in `npm run dev` when an essay's frontmatter is
 * broken: Astro would stop syncing the whole collection at the first bad file (and, at
 * start-up, the dev server with it). Here the broken entry is kept with BROKEN set in its
 * data, pages leave it out or show the essay check's message for it, and the rest of the
 * site renders. In a build nothing changes: the essay check has stopped it already.
 */
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

export const BROKEN = '__brokenFrontmatter';

export function isBroken(data: unknown): boolean {
  return typeof data === 'object' && data !== null && BROKEN in data;
}

export function tolerantGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'tolerant-glob-loader',
    load: async (context: LoaderContext) => {
      if (!import.meta.env.DEV) return inner.load(context);
      // Astro passes the glob loader its entry types (how to read .mdx) beside the public context.
      type EntryTypes = Map<string, { getEntryInfo: (params: unknown) => Promise<unknown> }>;
      const given = (context as LoaderContext & { entryTypes: EntryTypes }).entryTypes;
      const entryTypes = new Map(
        [...given].map(([ext, type]) => [
          ext,
          {
            ...type,
            getEntryInfo: async (params: unknown) => {
              try {
                return await type.getEntryInfo(params);
              } catch {
                return { data: { [BROKEN]: true }, body: '', slug: '', rawData: '' };
              }
            },
          },
        ]),
      );
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (isBroken(props.data)) return props.data as never;
        try {
          return await context.parseData(props);
        } catch {
          return { ...props.data, [BROKEN]: true } as never;
        }
      };
      return inner.load({ ...context, entryTypes, parseData } as LoaderContext);
    },
  };
}
