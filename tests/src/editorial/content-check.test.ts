/**
 * The essay check on mistakes made in a copy of content/, each asserted with the exact
 * file:line:col it prints and the fix line after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickConfig } from '../../support/quick-config.ts';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import { checkContent, checkedStory, formatProblems } from '../../../src/editorial/content-check.ts';
import { COMPONENT_NAMES, COMPONENTS, tagFor, type ComponentSpec, type PropSpec } from '../../../src/editorial/component-registry.ts';
import { ARCHETYPE_COLLECTION } from '../../../src/editorial/content-schemas.ts';
import { FACTS } from '../../../src/story/facts.ts';
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
    const method = withBody(
      dir,
      'essay/method.mdx',
      'It got a score of <3 out of 10.\n\nA note <!-- for later --> here.\n\nFine: a < b in prose.\n',
    );
    const out = check(dir);
    expect(out).toContain(
      problem(
        method.at('<3'),
        '"<" followed by "3" is read as the start of a component or tag',
        'to show the sign, write &lt; instead (for example "&lt;3"), or put it in words ("less than")',
      ),
    );
    expect(out).toContain(
      problem(method.at('<!--'), 'HTML comments (<!-- … -->) do not work in MDX', 'write a note for editors as {/* note */}, or delete it'),
    );
    expect(out).toMatch(/found 2 problems in 1 file/);
  });

  it('reports misspelt and unclosed components, with the component meant and the list', () => {
    const dir = fresh();
    const page = withBody(
      dir,
      essay,
      `<FlimArc film="${story.films[0].imdbId}" />\n\nText.\n\n<FilmArc film="${story.films[0].imdbId}">\n\nMore text.\n`,
    );
    const out = check(dir);
    expect(out).toContain(
      problem(
        page.at('<FlimArc'),
        'there is no component <FlimArc>',
        `did you mean <FilmArc>? the components are: ${COMPONENT_NAMES.join(', ')}`,
      ),
    );
    expect(out).toContain(
      problem(page.at('<FilmArc'), '<FilmArc> is not closed', `end it with "/>": <FilmArc film="${story.films[0].imdbId}" />`),
    );
  });

  it('reports unknown props, missing props and values the component does not know', () => {
    const dir = fresh();
    const page = withBody(
      dir,
      'essay/data.mdx',
      `<FilmArc flim="${story.films[0].slug}" />\n\n<TrackSequence />\n\n<FilmMap projection="pcaa" />\n\n<ArchetypeCards level="2" />\n`,
    );
    const out = check(dir);
    expect(out).toContain(problem(page.at('flim='), '<FilmArc> has no prop "flim"', 'did you mean "film"? its props are: film'));
    expect(out).not.toContain('<FilmArc> needs a "film" prop');
    const sample = story.films.find((f) => f.arc)!.imdbId;
    expect(out).toContain(
      problem(
        page.at('<TrackSequence'),
        '<TrackSequence> needs a "film" prop: the film, by IMDb ID (tt…) or slug, as in data/films.csv',
        `for example <TrackSequence film="${sample}" />`,
      ),
    );
    expect(out).toContain(
      problem(page.at('projection='), 'projection="pcaa" is not a value <FilmMap> knows', 'projection accepts "tsne" or "pca"'),
    );
    expect(out).toContain(problem(page.at('level='), 'level="2" is not a value <ArchetypeCards> knows', 'write level={2}'));
  });

  it('reports film IDs and slugs, Fact names and archetype slugs that are not in the data', () => {
    const dir = fresh();
    const slugs = readdirSync(join('content', ARCHETYPE_COLLECTION))
      .map((f) => f.replace(/\.mdx$/, ''))
      .sort();
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
    expect(out).toContain(
      problem(
        page.at('name="featureShre"'),
        '<Fact name="featureShre" /> names no figure',
        `did you mean "featureShare"? the names are: ${names}`,
      ),
    );
    expect(out).toContain(problem(page.at('name="nope"'), '<Fact name="nope" /> names no figure', `the names are: ${names}`));
    expect(out).toContain(
      problem(
        page.at('archetype='),
        `archetype="${slugs[0]}x" is not an archetype`,
        `did you mean "${slugs[0]}"? the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${slugs.join(', ')}`,
      ),
    );
  });

  it('tells an editor who writes <ClusterArc cluster="…"> its name now, with the tag to write', () => {
    const dir = fresh();
    const slug = readdirSync(join('content', ARCHETYPE_COLLECTION))
      .sort()[0]
      .replace(/\.mdx$/, '');
    const page = withBody(
      dir,
      'essay/home.mdx',
      `Before.\n\n<ClusterArc cluster="${slug}" />\n\nAfter: <ArchetypeArc cluster="${slug}" />\n\n<ClusterArc cluster="nope" />\n`,
    );
    const problems = checkContent({ contentDir: dir, storyPath });
    const out = formatProblems(problems);
    expect(out).toContain(
      problem(page.at('<ClusterArc'), '<ClusterArc> is now called <ArchetypeArc>', `write <ArchetypeArc archetype="${slug}" />`),
    );
    expect(out).toContain(
      problem(
        page.at(`cluster="${slug}" />\n\n<ClusterArc`),
        'the "cluster" prop of <ArchetypeArc> is now called "archetype"',
        `write archetype="${slug}"`,
      ),
    );
    // The renamed tag's value is still checked, under the prop's new name; nothing is reported twice.
    expect(out).toContain(
      problem(
        page.at('<ClusterArc cluster="nope"'),
        '<ClusterArc> is now called <ArchetypeArc>',
        'write <ArchetypeArc archetype="nope" />',
      ),
    );
    expect(out).toContain(
      problem(
        page.at('cluster="nope"'),
        'archetype="nope" is not an archetype',
        `the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${readdirSync(join('content', ARCHETYPE_COLLECTION))
          .sort()
          .map((f) => f.replace(/\.mdx$/, ''))
          .join(', ')}`,
      ),
    );
    expect(problems).toHaveLength(4);
    expect(out).not.toMatch(/no component|has no prop|needs a "archetype"/);
  });

  it('tells an editor who puts an essay in content/clusters/ to move it to content/archetypes/', () => {
    const dir = fresh();
    const name = essay.slice(ARCHETYPE_COLLECTION.length + 1);
    mkdirSync(join(dir, 'clusters'));
    renameSync(join(dir, essay), join(dir, 'clusters', name));
    const problems = checkContent({ contentDir: dir, storyPath });
    const message =
      'archetype essays now live in content/archetypes/: the site no longer reads content/clusters/, so this essay has no page';
    expect(formatProblems(problems)).toContain(
      problem(`${join(dir, 'clusters', name)}:1:1`, message, `move this file to ${join(dir, ARCHETYPE_COLLECTION, name)}`),
    );
    // Its archetype is not reported as having no essay: moving the file is the one fix.
    expect(problems).toHaveLength(1);

    cpSync(join(dir, 'clusters', name), join(dir, essay));
    const both = checkContent({ contentDir: dir, storyPath });
    expect(both).toContainEqual({
      file: join(dir, 'clusters', name),
      line: 1,
      column: 1,
      message,
      fix: `${join(dir, essay)} exists already: keep the text you want in that file and delete this one`,
    });
  });

  it('reports an unquoted colon in the frontmatter and says to quote it', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^summary: .*$/m, 'summary: Punk: the sequel'));
    expect(check(dir)).toContain(
      problem(
        page.at('Punk: the sequel'),
        'the summary contains a colon followed by a space, which YAML reads as the start of another field',
        'put the summary in quotes: summary: "Punk: the sequel"',
      ),
    );
  });

  it("reports a missing or misspelt field with the schema's own message", () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^title:/m, 'titel:'));
    const out = check(dir);
    expect(out).toContain(
      problem(
        `${page.file}:1:1`,
        'the frontmatter has no "title:" field: it needs a name for the archetype',
        'add a line "title: …" between the two --- lines',
      ),
    );
    expect(out).toContain(
      problem(
        page.at('titel:'),
        '"titel" is not a field of this frontmatter',
        'did you mean "title"? the fields are: title, summary, anchor',
      ),
    );
    expect(out).not.toMatch(/\*\*|Required/);
  });

  it('reports an anchor that is not a film on the anchor line, and a summary over the limit', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) =>
      fm.replace(/^anchor: .*$/m, 'anchor: tt9999999').replace(/^summary: .*$/m, `summary: ${'x'.repeat(241)}`),
    );
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
    const archetype = readdirSync(join('content', ARCHETYPE_COLLECTION))
      .sort()[0]
      .replace(/\.mdx$/, '');
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

describe('what the build would publish as garbage or ignore (issue 21)', () => {
  it('refuses a table row that does not match the first row, and a table without its separator row, with the fix', () => {
    const dir = fresh();
    const page = withBody(
      dir,
      'essay/data.mdx',
      'Text.\n\n| Film | Songs |\n| --- | --- |\n| Suburbia | 12 | extra |\n\n| Film | Songs | Mood |\n| --- | --- |\n| A | 1 | x |\n',
    );
    const out = check(dir);
    expect(out).toContain(
      problem(
        page.at('| Suburbia'),
        "this table row has 3 cells, but the table's first row has 2: the site would drop the last 1 without a word",
        'give every row 2 cells, each between | signs, like the first row; a | inside a cell is written \\|',
      ),
    );
    expect(out).toContain(
      problem(
        page.at('| Film | Songs | Mood'),
        "this table's separator row has 2 columns, but its first row has 3, so the site would show the whole table as text, | signs and all",
        'give the separator row one --- per column: | --- | --- | --- |',
      ),
    );
  });

  it('accepts a well-formed table', () => {
    const dir = fresh();
    withBody(dir, 'essay/data.mdx', 'Text.\n\n| Film | Songs |\n| --- | ---: |\n| Suburbia | 12 |\n| Kids \\| Gummo | 3 |\n');
    expect(checkContent({ contentDir: dir, storyPath })).toEqual([]);
  });

  it('refuses bytes that are not UTF-8, naming the line and the letter they probably are', () => {
    const dir = fresh();
    const page = withBody(dir, 'essay/data.mdx', 'First line.\n\nA café style.\n');
    const path = join(dir, 'essay/data.mdx');
    writeFileSync(path, readFileSync(path).toString('utf8').replace('é', '\u0000'), 'utf8');
    const bytes = readFileSync(path);
    bytes[bytes.indexOf(0)] = 0xe9;
    writeFileSync(path, bytes);
    expect(check(dir)).toContain(
      problem(
        page.at('é style'),
        'this line holds characters that are not saved as UTF-8 (probably "é" saved as Latin-1), which the site would show as "�"',
        'save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8), then check that the accented letters on this line look right',
      ),
    );
  });

  it('refuses a file name that is not its address, says the slug the site would make, and lists slugs in its hints', () => {
    const dir = fresh();
    renameSync(join(dir, 'archetypes', 'quiet-and-calm.mdx'), join(dir, 'archetypes', 'The Quiet And Calm.mdx'));
    const page = withBody(dir, 'essay/home.mdx', 'See <ArchetypeArc archetype="The Quiet And Calm" />.\n');
    const out = check(dir);
    const renamed = join(dir, 'archetypes', 'The Quiet And Calm.mdx');
    expect(out).toContain(
      problem(
        `${renamed}:1:1`,
        'the file name becomes the page\'s address, and "The Quiet And Calm.mdx" is not one: the site would publish it at /archetypes/the-quiet-and-calm/',
        'rename the file to the-quiet-and-calm.mdx, and write archetype="the-quiet-and-calm" where other essays name it',
      ),
    );
    const slugs = [
      'bleak-and-restless',
      'kids-and-mid90s',
      'out-of-the-blue',
      'smithereens-and-rivers-edge',
      'suburbia-and-idaho',
      'the-quiet-and-calm',
    ].join(', ');
    expect(out).toContain(
      problem(
        page.at('archetype='),
        'archetype="The Quiet And Calm" is not an archetype',
        `did you mean "the-quiet-and-calm"? the archetypes are the essays in content/${ARCHETYPE_COLLECTION}/: ${slugs}`,
      ),
    );
  });

  it('gives the right fix for a value in curly quotes, in a tag and in the frontmatter', () => {
    const dir = fresh();
    const home = withBody(dir, 'essay/home.mdx', 'Here: <FilmArc film=”tt0133189” />\n\nAnd <TrackSequence film="tt0133189” />\n');
    const anchor = withFrontmatter(dir, essay, (fm) => fm.replace(/^anchor: (\S+)$/m, 'anchor: “$1”'));
    const out = check(dir);
    expect(out).toContain(
      problem(
        home.at('film=”'),
        'the value of film is in curly quotes (”…), which MDX does not read as quotes',
        'write film="tt0133189" with straight quotes (")',
      ),
    );
    expect(out).toContain(
      problem(
        home.at('film="tt0133189”'),
        'the value of film opens with a straight quote and closes with a curly one (”), so MDX reads on past it to the next straight quote',
        'write film="tt0133189" with straight quotes (")',
      ),
    );
    const id = /anchor: “(\S+)”/.exec(readFileSync(anchor.file, 'utf8'))![1];
    expect(out).toContain(
      problem(anchor.at('“'), 'anchor: the value is in curly quotes (“…”), which YAML keeps as part of it', `write anchor: ${id}`),
    );
    expect(out).not.toContain('”tt0133189”"');
    expect(out).toMatch(/found 3 problems in 2 files/);
  });

  it('names an invisible character after an anchor as what it is, where it is, and still binds the essay', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) =>
      fm.replace(/^(anchor: \S+)$/m, '$1\u200b').replace(/^title: (\S+) /m, 'title: $1\u00a0'),
    );
    const problems = checkContent({ contentDir: dir, storyPath });
    const id = /anchor: (tt\d+)/.exec(readFileSync(page.file, 'utf8'))![1];
    expect(formatProblems(problems)).toContain(
      problem(
        page.at('\u200b'),
        'a zero-width space is hidden here, in the frontmatter, where it becomes part of the value: it cannot be seen, but the site would read it',
        `delete it: put the cursor just after "${id}" and press Delete once (or retype the line)`,
      ),
    );
    expect(formatProblems(problems)).toContain(`${page.at('\u00a0')}  a non-breaking space is hidden here, in the frontmatter`);
    expect(formatProblems(problems)).not.toMatch(/must be an IMDb title ID|has no essay/);
    expect(problems).toHaveLength(2);
  });

  it('refuses files the site would ignore: an essay saved as .md, a file in another folder, in a folder inside a collection, or beside the folders', () => {
    const dir = fresh();
    renameSync(join(dir, essay), join(dir, essay.replace(/\.mdx$/, '.md')));
    mkdirSync(join(dir, 'essays'));
    renameSync(join(dir, 'essay', 'data.mdx'), join(dir, 'essays', 'data.mdx'));
    mkdirSync(join(dir, 'films', 'drafts'));
    writeFileSync(join(dir, 'films', 'drafts', 'tt0113540.mdx'), '---\nfilm: tt0113540\n---\nNotes.\n');
    writeFileSync(join(dir, 'notes.mdx'), 'Notes.\n');
    writeFileSync(join(dir, 'films', '.DS_Store'), '');
    const out = check(dir);
    const md = join(dir, essay.replace(/\.mdx$/, '.md'));
    expect(out).toContain(
      problem(
        `${md}:1:1`,
        `the site reads only files whose names end in .mdx, so "${md.split('/').pop()}" would be ignored`,
        `rename it to ${essay.split('/').pop()} (if it is not an essay, move it out of content/)`,
      ),
    );
    expect(out).toContain(
      problem(
        `${join(dir, 'essays', 'data.mdx')}:1:1`,
        'content/essays/ is not a folder the site reads, so this file would be ignored',
        'did you mean content/essay/? move the file there',
      ),
    );
    expect(out).toContain(
      problem(
        join(dir, 'essay', 'data.mdx'),
        'is missing: the data page is made from it',
        `restore it (git checkout -- ${join(dir, 'essay', 'data.mdx')}), or rename the file that holds its text to data.mdx`,
      ),
    );
    expect(out).toContain(
      problem(
        `${join(dir, 'films', 'drafts', 'tt0113540.mdx')}:1:1`,
        'the site reads only the files directly in content/films/, not in folders inside it, so this one would be ignored',
        'move it to content/films/ itself',
      ),
    );
    expect(out).toContain(
      `${join(dir, 'notes.mdx')}:1:1  the site reads only the files inside content/archetypes/, content/films/, content/essay/: this one would be ignored`,
    );
    expect(out).not.toContain('.DS_Store');
  });

  it('refuses an essay no page shows, and notes on a film under another name', () => {
    const dir = fresh();
    renameSync(join(dir, 'essay', 'method.mdx'), join(dir, 'essay', 'methods.mdx'));
    renameSync(join(dir, 'films', 'tt0133189.mdx'), join(dir, 'films', 'slc-punk.mdx'));
    const out = check(dir);
    expect(out).toContain(
      problem(
        `${join(dir, 'essay', 'methods.mdx')}:1:1`,
        'no page shows this file: the pages made from content/essay/ are home.mdx, method.mdx, data.mdx',
        'did you mean method.mdx? rename it',
      ),
    );
    expect(out).toContain(
      `${join(dir, 'films', 'slc-punk.mdx')}:2:7  notes on a film are named for the film, and this file holds the notes for tt0133189\n    fix: rename the file to tt0133189.mdx`,
    );
  });

  it('refuses the marks of broken bold, links, headings and tags, which the site would publish as typed', () => {
    const dir = fresh();
    const page = withBody(
      dir,
      'essay/data.mdx',
      'Some *bold** text.\n\n##Heading here\n\nA [link(method/) here.\n\nFact name="films" /> here.\n\n<act name="films" />\n\nEscaped \\* star, \\[sic\\] and `code`.\n',
    );
    const out = check(dir);
    expect(out).toContain(
      problem(
        page.at('* text'),
        'a "*" here would be shown as a star: the bold or italic it belongs to is not closed',
        'write **bold** with two stars on each side and *italic* with one; to show a star, write \\*',
      ),
    );
    expect(out).toContain(
      problem(page.at('##Heading'), '"##Heading here" is not a heading: a heading needs a space after its ##', 'write "## Heading here"'),
    );
    expect(out).toContain(
      problem(
        page.at('[link'),
        'a "[" here would be shown as it is: a link is written [words](address), and this one is broken',
        'check the brackets of the link; to show a bracket, write \\[ or \\]',
      ),
    );
    expect(out).toContain(
      problem(
        page.at('="films" />'),
        '"Fact name="" here is the end of a component tag whose beginning is missing, so the site would show it as text',
        'write the whole tag, from < to />, like <Fact name="films" />',
      ),
    );
    expect(out).toContain(
      problem(
        page.at('<act'),
        '<act> is neither a component nor an HTML tag',
        `did you mean <Fact>? the components are: ${COMPONENT_NAMES.join(', ')}`,
      ),
    );
    expect(out).toMatch(/found 5 problems in 1 file/);
  });
});

describe('a deleted soundtrack snapshot (issue 21)', () => {
  it('is reported as a problem of the data, at the missing file, not as a mistake in the essay', () => {
    // Out of the Blue anchors out-of-the-blue.mdx. Without it the other films regroup, and
    // whatever that does to the other essays is reported too; its own essay is not blamed.
    const data = join(root, 'data-without-out-of-the-blue');
    for (const name of ['films.csv', 'genre-mood-map.json', 'snapshot']) cpSync(join('data', name), join(data, name), { recursive: true });
    rmSync(join(data, 'snapshot', 'soundtracks', 'tt0081291.json'));
    runPipeline({ dataDir: data, config: quickConfig });
    const problems = checkContent({ contentDir: 'content', storyPath: join(data, 'generated', 'story.json') });
    const anchoring = readdirSync(join('content', ARCHETYPE_COLLECTION)).find((f) =>
      readFileSync(join('content', ARCHETYPE_COLLECTION, f), 'utf8').includes('anchor: tt0081291'),
    )!;
    const report = formatProblems(problems);
    expect(report).toContain(
      [
        `data/snapshot/soundtracks/tt0081291.json  is missing, so Out of the Blue (tt0081291), the anchor of content/${ARCHETYPE_COLLECTION}/${anchoring}, has no songs in the data, no arc and no archetype: the mistake is in the data, not in the essay`,
        '    fix: restore it with "git checkout -- data/snapshot/soundtracks/tt0081291.json" (or fetch it again with "npm run imdb -- fetch tt0081291"), then run "npm run check" again (restart "npm run dev": it computes the data when it starts)',
      ].join('\n'),
    );
    expect(report).not.toContain('anchor tt0081291 (Out of the Blue) has no archetype');
  });

  it('names the real reason when an anchor has too few songs with moods, with a fix in the essay and one in the data', () => {
    const dir = fresh();
    const page = withFrontmatter(dir, essay, (fm) => fm.replace(/^anchor: .*$/m, 'anchor: tt0102943'));
    expect(check(dir)).toContain(
      problem(
        page.at('tt0102943'),
        'anchor tt0102943 (Slacker) has no archetype, because only 1 of its 24 listed songs has mood features, fewer than the 3 an arc needs',
        'anchor the essay on a film that has an archetype (its page names it), or, if Slacker should have one, give more of its songs a mood in the data: their performers need genres in data/snapshot/artist-genres.json',
      ),
    );
  });
});

describe('the same mistake made again in one file', () => {
  it('is reported once, where it is first made, with the other lines', () => {
    const dir = fresh();
    const page = withBody(
      dir,
      'essay/data.mdx',
      'A <Fact name="filmz" /> here.\n\nAgain <Fact name="filmz" />, and <Fact name="filmz" />.\n',
    );
    const problems = checkContent({ contentDir: dir, storyPath });
    expect(problems).toHaveLength(1);
    expect(formatProblems(problems)).toContain(
      `${page.at('name="filmz"')}  <Fact name="filmz" /> names no figure (and 2 more times in this file, on line 8)\n    fix: did you mean "films"?`,
    );
  });
});

describe('the story the check read', () => {
  it('is handed to the build as read and validated, and not once the file has changed', () => {
    const copy = join(root, 'story-copy.json');
    cpSync(storyPath, copy);
    expect(checkedStory(copy)).toBeNull();
    expect(checkContent({ contentDir: 'content', storyPath: copy })).toEqual([]);
    const read = checkedStory(copy);
    expect(read?.films.map((f) => f.imdbId)).toEqual(story.films.map((f) => f.imdbId));
    writeFileSync(copy, `${readFileSync(copy, 'utf8')} `);
    expect(checkedStory(copy)).toBeNull();
  });
});
