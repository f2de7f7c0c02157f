/**
 * What `npm run dev` adds for editors: the essay check at start and on every save in
 * content/ (in the terminal; pages show their own file's problems), the editors' guide
 * at /guide/, and a page at an essay's address when the essay is too broken to have its
 * own (an archetype essay whose anchor is not a film, say). None of it is built.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { checkContent, defaultCheckOptions, formatProblems } from '../editorial/content-check.ts';

export function editorTools(): AstroIntegration {
  return {
    name: 'soundtrack-arcs:editor-tools',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({ pattern: '/guide', entrypoint: './src/dev/guide.astro', prerender: true });
        injectRoute({ pattern: '/[...essay]', entrypoint: './src/dev/broken-essay.astro', prerender: true });
      },
      'astro:server:setup': ({ server, logger }) => {
        const options = defaultCheckOptions();
        let last = '';
        const run = (why: string) => {
          const problems = checkContent(options);
          const text = problems.length ? formatProblems(problems) : 'essay check: every file in content/ reads cleanly';
          // A save that changes nothing the check sees stays quiet.
          if (text === last && why !== 'start') return;
          last = text;
          if (problems.length) logger.error(`\n${text}`);
          else logger.info(text);
        };
        run('start');
        // Any file in content/: an essay saved as .md, or put in the wrong folder, is a mistake to report too.
        const watched = (path: string) => path.startsWith(options.contentDir) || resolve(path) === options.storyPath;
        server.watcher.add([options.contentDir, options.storyPath]);
        server.watcher.on('all', (_event, path) => {
          if (watched(resolve(path))) run('save');
        });
      },
    },
  };
}
