/**
 * The essay check on mistakes made in a copy of content/, each asserted with the exact
 * file:line:col it prints and the fix line after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { checkContent, formatProblems } from '../../../src/lib/content-check.ts';
import { COMPONENT_NAMES, COMPONENTS, tagFor, type ComponentSpec, type PropSpec } from '../../../src/lib/component-registry.ts';
import { ARCHETYPE_COLLECTION } from '../../../src/lib/content-schemas.ts';
import { FACTS } from '../../../src/lib/facts.ts';
import type { Story } from '../../../scripts/schemas.ts';
import { copyContent, withBody, withFrontmatter } from '../../support/mistakes.ts';

let root: string;
let storyPath: string;
let story: Story;
let essay: string;
let n = 0;

beforeAll(() => {
  mkdirSync(join('.cache', 'test-check'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-check', 'run-'));
  story = runPipeline({ dataDir: 'data', outDir: join(root, 'generated'), config: quickConfig }).story;
  storyPath = join(root, 'generated', 'story.json');
  essay = `${ARCHETYPE_COLLECTION}/${readdirSync(join('content', ARCHETYPE_COLLECTION)).sort()[0]}`;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fresh = () => copyContent(join(root, `content-${++n}`));
const check = (contentDir: string) => formatProblems(checkContent({ contentDir, storyPath }));
const problem = (where: string, message: string, fix: string) => `${where}  ${message}\n    fix: ${fix}`;

describe('the essay check', () => {
  it('finds nothing wrong in the real content', () => {
    expect(checkContent({ contentDir: 'content', storyPath })).toEqual([]);
  });

  it('reports {…} in prose at its own line, not a line of the compiled page', () => {
    const dir = fresh();
    const home = withBody(dir, 'essay/home.mdx', 'First paragraph.\n\nPlease use {curly} braces here.\n\nAnd {two words} too.\n');
    const out = check(dir);
    const fix = 'MDX runs whatever is between { and } as code: to show a brace write \\{ and \\}, or reword without braces';
    expect(out).toContain(problem(home.at('{curly}'), 'curly braces "{curly}" are read as code in MDX, not as text', fix));
    expect(out).toContain(problem(home.at('{two words}'), 'curly braces "{two words}" are read as code in MDX, not as text', fix));
  });

  it('reports "<" before a digit, and HTML comments', () => {
    const dir = fresh();
    const method = withBody(dir, 'essay/method.mdx', 'It got a score of <3 out of 10.\n\nA note <!-- for later --> here.\n\nFine: a < b in prose.\n');
    const out = check(dir);
    expect(out).toContain(problem(method.at('<3'), '"<" followed by "3" is read as the start of a component or tag', 'to show the sign, write &lt; instead (for example "&lt;3"), or put it in words ("less than")'));
    expect(out).toContain(problem(method.at('<!--'), 'HTML comments (<!-- … -->) do not work in MDX', 'write a note for editors as {/* note */}, or delete it'));
    expect(out).toMatch(/found 2 problems in 1 file/);
  });

  it('reports misspelt and unclosed components, with the component meant and the list', () => {
    const dir = fresh();
    const page = withBody(dir, essay, `<FlimArc film="${story.films[0].imdbId}" />\n\nText.\n\n<FilmArc film="${story.films[0].imdbId}">\n\nMore text.\n`);
    const out = check(dir);
    expect(out).toContain(problem(page.at('<FlimArc'), 'there is no component <FlimArc>', `did you mean <FilmArc>? the components are: ${COMPONENT_NAMES.join(', ')}`));
    expect(out).toContain(problem(page.at('<FilmArc'), '<FilmArc> is not closed', `end it with "/>": <FilmArc film="${story.films[0].imdbId}" />`));
  });

  it('reports unknown props, missing props and values the component does not know', () => {
    const dir = fresh();
    const page = withBody(dir, 'essay/data.mdx', `<FilmArc flim="${story.films[0].slug}" />\n\n<TrackSequence />\n\n<FilmMap projection="pcaa" />\n\n<ArchetypeCards level="2" />\n`);
    const out = check(dir);
    expect(out).toContain(problem(page.at('flim='), '<FilmArc> has no prop "flim"', 'did you mean "film"? its props are: film'));
    expect(out).not.toContain('<FilmArc> needs a "film" prop');
    const sample = story.films.find((f) => f.arc)!.imdbId;
    expect(out).toContain(problem(page.at('<TrackSequence'), '<TrackSequence> needs a "film" prop: the film, by IMDb ID (tt…) or slug, as in data/films.csv', `for example <TrackSequence film="${sample}" />`));
    expect(out).toContain(problem(page.at('projection='), 'projection="pcaa" is not a value <FilmMap> knows', 'projection accepts "tsne" or "pca"'));
    expect(out).toContain(problem(page.at('level='), 'level="2" is not a value <ArchetypeCards> knows', 'write level={2}'));
  });

  it('reports film IDs and slugs, Fact names and archetype slugs that are not in the data', () => {
    const dir = fresh();
    const slugs = readdirSync(join('content', ARCHETYPE_COLLECTION)).map((f) => f.replace(/\.mdx$/, '')).sort();
    const first = story.films[0];
    const page = withBody(
      dir,
      'essay/home.mdx',
      `<FilmArc film="tt0000001" />\n\n<TrackSequence film="no-such-film" />\n\nOnly <Fact name="featureShre" /> and <Fact name="nope" />.\n\n<ArchetypeArc archetype="${slugs[0]}x" />\n`,
    );
    const out = check(dir);
    const filmFix = `use an IMDb ID or slug of a film in data/films.csv, for example "${first.imdbId}" or "${first.slug}" (${first.title}); to add a film, see "Adding a film" in README.md`;
    expect(out).toContain(problem(page.at('film="tt0000001"'), 'film="tt0000001" is not a film in the data', filmFix));
    expect(out).toContain(problem(page.at('film="no-such-film"'), 'film="no-such-film" is not a film in the data', filmFix));
    const names = Object.keys(FACTS).sort().join(', ');
    expect(out).toContain(problem(page.at('name="featureShre"'), '<Fact name="featureShre" /> names no figure', `did you mean "featureShare"? the names are: ${names}`));
    expect(out).toContain(problem(page.at('name="nope"'), '<Fact name="nope" /> names no figure', `the names are: ${names}`));
    expect(out).toContain(problem(page.at('archetype='), `archetype="${slugs[0]}x" is not an archetype`, `did you mean "${slugs[0]}"? the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${slugs.join(', ')}`));
  });

  it('tells an editor who writes <ClusterArc cluster="…"> its name now, with the tag to write', () => {
    const dir = fresh();
    const slug = readdirSync(join('content', ARCHETYPE_COLLECTION)).sort()[0].replace(/\.mdx$/, '');
    const page = withBody(dir, 'essay/home.mdx', `Before.\n\n<ClusterArc cluster="${slug}" />\n\nAfter: <ArchetypeArc cluster="${slug}" />\n\n<ClusterArc cluster="nope" />\n`);
    const problems = checkContent({ contentDir: dir, storyPath });
    const out = formatProblems(problems);
    expect(out).toContain(problem(page.at('<ClusterArc'), '<ClusterArc> is now called <ArchetypeArc>', `write <ArchetypeArc archetype="${slug}" />`));
    expect(out).toContain(problem(page.at(`cluster="${slug}" />\n\n<ClusterArc`), 'the "cluster" prop of <ArchetypeArc> is now called "archetype"', `write archetype="${slug}"`));
    // The renamed tag's value is still checked, under the prop's new name; nothing is reported twice.
    expect(out).toContain(problem(page.at('<ClusterArc cluster="nope"'), '<ClusterArc> is now called <ArchetypeArc>', 'write <ArchetypeArc archetype="nope" />'));
    expect(out).toContain(problem(page.at('cluster="nope"'), 'archetype="nope" is not an archetype', `the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${readdirSync(join('content', ARCHETYPE_COLLECTION)).sort().map((f) => f.replace(/\.mdx$/, '')).join(', ')}`));
    expect(problems).toHaveLength(4);
    expect(out).not.toMatch(/no component|has no prop|needs a "archetype"/);
  });

  it('tells an editor who puts an essay in content/clusters/ to move it to content/archetypes/', () => {
    const dir = fresh();
    const name = essay.slice(ARCHETYPE_COLLECTION.length + 1);
    mkdirSync(join(dir, 'clusters'));
    renameSync(join(dir, essay), join(dir, 'clusters', name));
    const problems = checkContent({ contentDir: dir, storyPath });
    const message = 'archetype essays now live in content/archetypes/: the site no longer reads content/clusters/, so this essay has no page';
    expect(formatProblems(problems)).toContain(problem(`${join(dir, 'clusters', name)}:1:1`, message, `move this file to ${join(dir, ARCHETYPE_COLLECTION, name)}`));
    // Its archetype is not reported as having no essay: moving the file is the one fix.
    expect(problems).toHaveLength(1);

    cpSync(join(dir, 'clusters', name), join(dir, essay));
    const both = checkContent({ contentDir: dir, storyPath });
    expect(both).toContainEqual({ file: join(dir, 'clusters', name), line: 1, column: 1, message, fix: `${join(dir, essay)} exists already: keep the text you want in that file and delete this one` });
  });

  it('reports an unquoted colon in the frontmatter and says to quote it', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^summary: .*$/m, 'summary: Punk: the sequel'));
    expect(check(dir)).toContain(
      problem(page.at('Punk: the sequel'), 'the summary contains a colon followed by a space, which YAML reads as the start of another field', 'put the summary in quotes: summary: "Punk: the sequel"'),
    );
  });

  it("reports a missing or misspelt field with the schema's own message", () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^title:/m, 'titel:'));
    const out = check(dir);
    expect(out).toContain(problem(`${page.file}:1:1`, 'the frontmatter has no "title:" field: it needs a name for the archetype', 'add a line "title: …" between the two --- lines'));
    expect(out).toContain(problem(page.at('titel:'), '"titel" is not a field of this frontmatter', 'did you mean "title"? the fields are: title, summary, anchor'));
    expect(out).not.toMatch(/\*\*|Required/);
  });

  it('reports an anchor that is not a film on the anchor line, and a summary over the limit', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^anchor: .*$/m, 'anchor: tt9999999').replace(/^summary: .*$/m, `summary: ${'x'.repeat(241)}`));
    const out = check(dir);
    expect(out).toContain(`${page.at('tt9999999')}  anchor "tt9999999" is not a film in data/films.csv`);
    expect(out).toContain(problem(page.at('xxx'), 'summary: keep the summary under 240 characters', 'change the summary on this line'));
    expect(out).toMatch(/has no essay/);
  });

  it('reports every problem of every file at once', () => {
    const dir = fresh();
    withBody(dir, 'essay/home.mdx', 'A {curly} one.\n\nA <3 one.\n\nAnd <FlimArc />.\n');
    withFrontmatter(dir, essay, (fm) => fm.replace(/^summary: .*$/m, 'summary: Punk: the sequel'));
    withBody(dir, 'essay/method.mdx', '<Fact name="nope" />\n');
    expect(check(dir)).toMatch(/^The essay check found 5 problems in 3 files:/);
  });

  it("accepts every component's example from the registry, so the guide shows only working examples", () => {
    const dir = fresh();
    const archetype = readdirSync(join('content', ARCHETYPE_COLLECTION)).sort()[0].replace(/\.mdx$/, '');
    const tags = COMPONENT_NAMES.map((name) => {
      const spec: ComponentSpec = COMPONENTS[name];
      const props = { ...(spec.example ?? {}) };
      for (const [prop, p] of Object.entries(spec.props as Record<string, PropSpec>)) {
        if (!p.required || props[prop] !== undefined) continue;
        props[prop] = p.accepts.kind === 'film' ? story.films[0].slug : p.accepts.kind === 'archetype' ? archetype : 'films';
      }
      return tagFor(name, props);
    });
    withBody(dir, 'essay/data.mdx', tags.join('\n\n') + '\n');
    expect(checkContent({ contentDir: dir, storyPath })).toEqual([]);
  });

  it('says how to get the data when the story has not been computed', () => {
    const problems = checkContent({ contentDir: 'content', storyPath: join(root, 'missing.json') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 1, fix: 'run "npm run pipeline" (npm run build and npm run dev run it first)' });
  });
});
