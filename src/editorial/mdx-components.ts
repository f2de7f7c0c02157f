/**
 * The components every MDX page may use without importing them. Each one is described in
 * component-registry.ts (props, example); the types below refuse a component that is
 * provided but not described, or described but not provided.
 */
import type { ComponentName } from './component-registry.ts';
import ArchetypeCards from '../components/ArchetypeCards.astro';
import ArchetypeArc from '../components/ArchetypeArc.astro';
import ArchetypeFact from '../components/ArchetypeFact.astro';
import DatasetCoverage from '../components/DatasetCoverage.astro';
import Downloads from '../components/Downloads.astro';
import Fact from '../components/Fact.astro';
import FilmArc from '../components/FilmArc.astro';
import FilmFact from '../components/FilmFact.astro';
import FilmIndex from '../components/FilmIndex.astro';
import FilmMap from '../components/FilmMap.astro';
import KEvidence from '../components/KEvidence.astro';
import MoodMapTable from '../components/MoodMapTable.astro';
import PcaVariance from '../components/PcaVariance.astro';
import TrackSequence from '../components/TrackSequence.astro';
import UnmappedTags from '../components/UnmappedTags.astro';
import Calibration from '../components/Calibration.astro';
import CoAssignment from '../components/CoAssignment.astro';
import GroupStability from '../components/GroupStability.astro';
import LevelRanking from '../components/LevelRanking.astro';
import Lineup from '../components/Lineup.astro';
import OrderTests from '../components/OrderTests.astro';
import PowerCurve from '../components/PowerCurve.astro';
import ReplicationRecord from '../components/ReplicationRecord.astro';

const provided = {
  ArchetypeArc,
  ArchetypeCards,
  ArchetypeFact,
  Calibration,
  CoAssignment,
  DatasetCoverage,
  Downloads,
  Fact,
  FilmArc,
  FilmFact,
  FilmIndex,
  FilmMap,
  GroupStability,
  KEvidence,
  LevelRanking,
  Lineup,
  MoodMapTable,
  OrderTests,
  PcaVariance,
  PowerCurve,
  ReplicationRecord,
  TrackSequence,
  UnmappedTags,
};

type Exactly<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? A : never;

export const mdxComponents: Exactly<typeof provided, ComponentName> = provided;
