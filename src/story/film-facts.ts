/**
 * Named figures about one film, for <FilmFact film="tt0133189" name="…" />: an essay says
 * "its own order test finds nothing" and the figure beside it comes from the film's data.
 */
import { FEATURES as features, type Story, type StoryFilm } from '../../scripts/schemas.ts';
import { shapeName } from './describe.ts';
import { boundedPercent, percent, pText } from './format.ts';

type Fn = (film: StoryFilm, story: Story) => string;
const perFeature = (make: (f: (typeof features)[number]) => [string, { describe: string; value: Fn }][]) =>
  Object.fromEntries(features.flatMap(make));
const TREND = { rising: 'rises', falling: 'falls', 'no-trend': 'shows no clear trend' } as const;

export const FILM_FACTS: Record<string, { describe: string; value: Fn }> = {
  songs: { describe: 'entries its soundtrack lists', value: (f) => String(f.coverage.entries) },
  songsWithMoods: { describe: 'its songs with mood features', value: (f) => String(f.coverage.withFeatures) },
  runs: { describe: 'its artist runs (stretches of songs by the same artists)', value: (f) => String(f.runs.length) },
  orderP: {
    describe: 'p of its order against reorderings of its artist runs',
    value: (f) => (f.orderSignal ? pText(f.orderSignal.orderP) : 'not tested'),
  },
  orderWords: {
    describe: '"smoother than chance" or "within what chance gives"',
    value: (f, s) =>
      !f.orderSignal ? 'not tested' : f.orderSignal.orderP < s.method.significance ? 'smoother than chance' : 'within what chance gives',
  },
  smootherThan: {
    describe: 'share of reorderings of its runs whose neighbouring songs differ more',
    value: (f) => (f.orderSignal ? boundedPercent(f.orderSignal.smootherThan) : 'not tested'),
  },
  extrapolatedShare: {
    describe: 'share of its listing before its first and after its last song with a mood',
    value: (f) => percent(f.extrapolatedShare),
  },
  shape: {
    describe: 'the story shape its valence arc follows beyond chance, or "no clear shape"',
    value: (f) => (f.shape?.beyondChance ? shapeName(f.shape.shape) : 'no clear shape'),
  },
  ...perFeature((feature) => [
    [
      `trend.${feature}`,
      {
        describe: `whether its ${feature} rises or falls beyond chance`,
        value: (f) => (f.trend ? TREND[f.trend[feature].word] : 'not tested'),
      },
    ],
  ]),
};

export function filmFact(name: string, film: StoryFilm, story: Story): string {
  const entry = Object.hasOwn(FILM_FACTS, name) ? FILM_FACTS[name] : undefined;
  if (!entry) throw new Error(`<FilmFact name="${name}" /> names no figure. Known names: ${Object.keys(FILM_FACTS).join(', ')}`);
  return entry.value(film, story);
}
