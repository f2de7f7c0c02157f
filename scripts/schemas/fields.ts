/** The pieces the schemas are built from: shared by the files of this folder, not part of the contract. */
import { z } from 'astro/zod';

export const Num = z.number().finite();
/** One value per feature, every feature present, in FEATURES order. */
export const perFeature = <T extends z.ZodTypeAny>(schema: T) =>
  z.object({ valence: schema, energy: schema, danceability: schema, tempo: schema });

export const Share = Num.min(0).max(1);
