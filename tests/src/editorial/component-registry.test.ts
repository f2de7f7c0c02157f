import { describe, expect, it } from 'vitest';
import {
  COMPONENT_NAMES,
  COMPONENTS,
  componentSpec,
  currentProp,
  describeAccepts,
  renamedComponent,
  showValue,
  tagFor,
  type ComponentSpec,
} from '../../../src/editorial/component-registry.ts';
import { ARCHETYPE_FACTS } from '../../../src/story/archetype-facts.ts';
import { FILM_FACTS } from '../../../src/story/film-facts.ts';

const specs = Object.entries(COMPONENTS) as [string, ComponentSpec][];

describe('the registry', () => {
  it('lists every component by name, sorted', () => {
    expect(COMPONENT_NAMES).toEqual(Object.keys(COMPONENTS).sort());
    expect(COMPONENT_NAMES).toEqual(expect.arrayContaining(['ArchetypeFact', 'Fact', 'FilmArc', 'FilmFact', 'TrackSequence']));
  });

  it('offers exactly the figures the fact components can compute', () => {
    expect(COMPONENTS.ArchetypeFact.props.name.accepts).toEqual({ kind: 'oneOf', values: Object.keys(ARCHETYPE_FACTS) });
    expect(COMPONENTS.FilmFact.props.name.accepts).toEqual({ kind: 'oneOf', values: Object.keys(FILM_FACTS) });
  });

  it('gives every optional prop a default it accepts, and no required prop a default', () => {
    for (const [name, spec] of specs) {
      for (const [prop, p] of Object.entries(spec.props)) {
        const where = `${name}.${prop}`;
        if (p.required) expect(p.default, where).toBeUndefined();
        else expect(p.default, where).toBeDefined();
        if (p.default !== undefined && p.accepts.kind === 'oneOf') expect(p.accepts.values, where).toContain(p.default);
      }
    }
  });

  it('uses only props a component has in its example, each a value the prop accepts', () => {
    for (const [name, spec] of specs) {
      for (const [prop, value] of Object.entries(spec.example ?? {})) {
        const p = spec.props[prop];
        expect(p, `${name} example: ${prop}`).toBeDefined();
        if (p.accepts.kind === 'oneOf') expect(p.accepts.values, `${name} example: ${prop}`).toContain(value);
      }
    }
  });

  it('never reuses a current name as a former one', () => {
    for (const [name, spec] of specs) {
      if (spec.formerly) expect(COMPONENT_NAMES, name).not.toContain(spec.formerly);
      for (const [prop, p] of Object.entries(spec.props))
        if (p.formerly) expect(Object.keys(spec.props), `${name}.${prop}`).not.toContain(p.formerly);
    }
  });
});

describe('looking a component up', () => {
  it('finds a component by its exact name only', () => {
    expect(componentSpec('FilmArc')).toBe(COMPONENTS.FilmArc);
    expect(componentSpec('filmArc')).toBeUndefined();
    // Not fooled by what every object has.
    expect(componentSpec('toString')).toBeUndefined();
    expect(componentSpec('constructor')).toBeUndefined();
  });

  it('finds the component a former name now stands for', () => {
    expect(renamedComponent('ClusterArc')).toBe('ArchetypeArc');
    expect(renamedComponent('FilmArc')).toBeUndefined();
    expect(renamedComponent('Nothing')).toBeUndefined();
  });

  it('reads a prop under its former name as the prop it became, and leaves an unknown one as written', () => {
    const arc = COMPONENTS.ArchetypeArc;
    expect(currentProp(arc, 'archetype')).toBe('archetype');
    expect(currentProp(arc, 'cluster')).toBe('archetype');
    expect(currentProp(arc, 'colour')).toBe('colour');
    expect(currentProp(arc, 'hasOwnProperty')).toBe('hasOwnProperty');
  });
});

describe('words for editors', () => {
  it('says what each kind of prop accepts', () => {
    expect(describeAccepts({ kind: 'film' })).toBe('a film: its IMDb ID (tt…) or slug');
    expect(describeAccepts({ kind: 'archetype' })).toBe('an archetype: the file name of its essay, without .mdx');
    expect(describeAccepts({ kind: 'fact' })).toBe('the name of a figure (see the list of facts)');
    expect(describeAccepts({ kind: 'oneOf', values: ['tsne', 'pca'] })).toBe('one of "tsne", "pca"');
    expect(describeAccepts(COMPONENTS.ArchetypeCards.props.level.accepts)).toBe('one of {2}, {3}');
  });

  it('writes values as MDX takes them: text in quotes, numbers and booleans in braces', () => {
    expect(showValue('pca')).toBe('"pca"');
    expect(showValue(3)).toBe('{3}');
    expect(showValue(false)).toBe('{false}');
  });

  it('writes a self-closing tag with its props in order', () => {
    expect(tagFor('FilmMap', {})).toBe('<FilmMap />');
    expect(tagFor('FilmFact', { film: 'tt0133189', name: 'orderWords' })).toBe('<FilmFact film="tt0133189" name="orderWords" />');
    expect(tagFor('DatasetCoverage', { perFilm: false })).toBe('<DatasetCoverage perFilm={false} />');
  });
});
