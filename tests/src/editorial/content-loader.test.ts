/**
 * The tolerant loader around Astro's glob loader. Astro's loader is replaced by a stand-in
 * that records the context it is handed, so the test sees exactly what the wrapper passes
 * on: in a build the context untouched, in dev one whose entry reader and data parser turn
 * a broken essay into an entry marked BROKEN instead of an error.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoaderContext } from 'astro/loaders';

const handed: LoaderContext[] = [];
vi.mock('astro/loaders', () => ({
  glob: vi.fn(() => ({
    name: 'glob-loader',
    load: async (context: LoaderContext) => {
      handed.push(context);
    },
  })),
}));

const { glob } = await import('astro/loaders');
const { BROKEN, isBroken, tolerantGlob } = await import('../../../src/editorial/content-loader.ts');

afterEach(() => {
  handed.length = 0;
  vi.unstubAllEnvs();
});

type EntryTypes = Map<string, { getEntryInfo: (params: unknown) => Promise<unknown>; contentModuleTypes?: string }>;

/** A context as Astro hands the loader one: an .mdx reader that fails on "broken", a schema that refuses "bad". */
function context() {
  const entryTypes: EntryTypes = new Map([
    [
      '.mdx',
      {
        contentModuleTypes: 'mdx types',
        getEntryInfo: async (params: unknown) => {
          if ((params as { contents: string }).contents === 'broken') throw new Error('YAML: bad indentation');
          return { data: { title: 'fine' }, body: 'text', slug: 'fine', rawData: 'title: fine' };
        },
      },
    ],
  ]);
  const parseData = vi.fn(async (props: { id: string; data: Record<string, unknown> }) => {
    if (props.data.title === 'bad') throw new Error('title: needs a title');
    return { ...props.data, parsed: true };
  });
  return { collection: 'archetypes', entryTypes, parseData } as unknown as LoaderContext & { entryTypes: EntryTypes };
}

describe('isBroken', () => {
  it('tells an entry marked broken from any other data', () => {
    expect(isBroken({ [BROKEN]: true })).toBe(true);
    expect(isBroken({ title: 'x', [BROKEN]: true })).toBe(true);
    expect(isBroken({ title: 'x' })).toBe(false);
    expect(isBroken(null)).toBe(false);
    expect(isBroken(undefined)).toBe(false);
    expect(isBroken('__brokenFrontmatter')).toBe(false);
  });

  it('uses a key no essay’s frontmatter would have', () => {
    expect(BROKEN).toMatch(/^__/);
  });
});

describe('tolerantGlob', () => {
  it('wraps Astro’s glob loader with the same options, under a name of its own', () => {
    const options = { pattern: '*.mdx', base: './content/archetypes' };
    const loader = tolerantGlob(options);
    expect(loader.name).toBe('tolerant-glob-loader');
    expect(glob).toHaveBeenLastCalledWith(options);
  });

  it('in a build, hands Astro’s loader the context unchanged, so a broken essay stops it', async () => {
    vi.stubEnv('DEV', false);
    const given = context();
    await tolerantGlob({ pattern: '*.mdx', base: '.' }).load(given);
    expect(handed).toEqual([given]);
    expect(handed[0]).toBe(given);
  });

  describe('in dev', () => {
    async function wrapped() {
      vi.stubEnv('DEV', true);
      const given = context();
      await tolerantGlob({ pattern: '*.mdx', base: '.' }).load(given);
      expect(handed).toHaveLength(1);
      return { given, passed: handed[0] as LoaderContext & { entryTypes: EntryTypes } };
    }

    it('reads a good essay as Astro would, and keeps each entry type’s other parts', async () => {
      const { passed } = await wrapped();
      const mdx = passed.entryTypes.get('.mdx')!;
      expect(mdx.contentModuleTypes).toBe('mdx types');
      expect(await mdx.getEntryInfo({ contents: 'title: fine' })).toEqual({
        data: { title: 'fine' },
        body: 'text',
        slug: 'fine',
        rawData: 'title: fine',
      });
    });

    it('turns frontmatter Astro cannot read into an empty entry marked broken', async () => {
      const { passed } = await wrapped();
      const info = await passed.entryTypes.get('.mdx')!.getEntryInfo({ contents: 'broken' });
      expect(info).toEqual({ data: { [BROKEN]: true }, body: '', slug: '', rawData: '' });
    });

    it('passes valid data through the schema, and keeps data the schema refuses, marked broken', async () => {
      const { given, passed } = await wrapped();
      expect(await passed.parseData({ id: 'a', data: { title: 'ok' } })).toEqual({ title: 'ok', parsed: true });
      expect(await passed.parseData({ id: 'b', data: { title: 'bad' } })).toEqual({ title: 'bad', [BROKEN]: true });
      expect(given.parseData).toHaveBeenCalledTimes(2);
    });

    it('does not ask the schema about an entry already marked broken', async () => {
      const { given, passed } = await wrapped();
      const broken = { [BROKEN]: true };
      expect(await passed.parseData({ id: 'c', data: broken })).toBe(broken);
      expect(given.parseData).not.toHaveBeenCalled();
    });

    it('keeps the rest of the context as Astro gave it', async () => {
      const { passed } = await wrapped();
      expect(passed.collection).toBe('archetypes');
    });
  });
});
