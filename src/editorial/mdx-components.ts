/**
 * The components every MDX page may use without importing them. Each one is described in
 * component-registry.ts (props, example); the types below refuse a component that is
 * provided but not described, or described but not provided.
 */
import type { ComponentName } from './component-registry.ts';
import ArchetypeCards from '../essay/ArchetypeCards.astro';
import ArchetypeArc from '../essay/ArchetypeArc.astro';
import ArchetypeFact from '../essay/ArchetypeFact.astro';
import DatasetCoverage from '../essay/DatasetCoverage.astro';
import Downloads from '../components/Downloads.astro';
import Fact from '../essay/Fact.astro';
import FilmArc from '../essay/FilmArc.astro';
import FilmFact from '../essay/FilmFact.astro';
import FilmIndex from '../essay/FilmIndex.astro';
import FilmMap from '../essay/FilmMap.astro';
import KEvidence from '../essay/KEvidence.astro';
import MoodMapTable from '../essay/MoodMapTable.astro';
import PcaVariance from '../essay/PcaVariance.astro';
import TrackSequence from '../essay/TrackSequence.astro';
import UnmappedTags from '../essay/UnmappedTags.astro';
import Calibration from '../essay/Calibration.astro';
import CoAssignment from '../essay/CoAssignment.astro';
import GroupStability from '../essay/GroupStability.astro';
import LevelRanking from '../essay/LevelRanking.astro';
import Lineup from '../essay/Lineup.astro';
import OrderTests from '../essay/OrderTests.astro';
import PowerCurve from '../essay/PowerCurve.astro';
import ReplicationRecord from '../essay/ReplicationRecord.astro';

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
