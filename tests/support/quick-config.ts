/**
 * The method with fewer resampling draws, for tests about input handling, errors and
 * bytes (which run the whole pipeline many times, where each shipped run spends its time
 * in the simulations' worlds and the null model's 500 refits). The shipped defaults are
 * what the browser tests' site, the thin-films test and the null-model tests run.
 */
import { defaultConfig, type MethodConfig } from '../../scripts/config.ts';

export const quickConfig: MethodConfig = {
  ...defaultConfig,
  nullModelDraws: 39,
  stabilityResamples: 20,
  stabilityBaselineDraws: 20,
  orderShuffles: 200,
  trendShuffles: 200,
  shapeShuffles: 50,
  calibrationWorlds: 4,
  calibrationWithdrawnDraws: 19,
  powerStrengths: [0, 2],
  powerWorldsPerStrength: 2,
  powerDraws: 19,
};
