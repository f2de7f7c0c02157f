/**
 * MusicBrainz (keyless): artist search, then the matched artist's genres (or its
 * positively voted tags when it has no genres). At most one request per second and a
 * User-Agent with contact details, as MusicBrainz asks of every client.
 */
import { PoliteClient, type HttpPolicy } from '../../lib/http.ts';
import { artistKey } from '../../lib/text.ts';
import type { GenreLookup, GenreProvider } from './provider.ts';

export interface MusicBrainzOptions {
  baseUrl?: string;
  contact: string;
  policy?: HttpPolicy;
  log?: (line: string) => void;
}

interface MbArtist {
  id: string;
  name: string;
  score?: number;
  aliases?: { name: string }[];
}
interface MbTag {
  name: string;
  count: number;
}

export class MusicBrainzProvider implements GenreProvider {
  readonly name = 'musicbrainz' as const;
  private readonly client: PoliteClient;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: MusicBrainzOptions) {
    this.client = new PoliteClient(
      options.policy ?? { minIntervalMs: 1000, timeoutMs: 15_000, retries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 },
      options.log,
    );
    this.headers = { 'User-Agent': `SoundtrackArcs/0.1 ( ${options.contact} )`, Accept: 'application/json' };
  }

  async lookup(artist: string): Promise<GenreLookup | null> {
    const base = this.options.baseUrl ?? 'https://musicbrainz.org';
    const query = encodeURIComponent(`artist:"${artist.replace(/"/g, '')}"`);
    const search = await this.client.request(`${base}/ws/2/artist?query=${query}&fmt=json&limit=10`, { headers: this.headers });
    const found = (JSON.parse(search.text) as { artists?: MbArtist[] }).artists ?? [];
    const key = artistKey(artist);
    const match =
      found.find((a) => artistKey(a.name) === key) ?? found.find((a) => (a.aliases ?? []).some((alias) => artistKey(alias.name) === key));
    if (!match) return null;
    const detail = await this.client.request(`${base}/ws/2/artist/${encodeURIComponent(match.id)}?inc=genres+tags&fmt=json`, {
      headers: this.headers,
    });
    const body = JSON.parse(detail.text) as { genres?: MbTag[]; tags?: MbTag[] };
    const ranked = (list: MbTag[] | undefined) =>
      (list ?? [])
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .map((t) => t.name.toLowerCase());
    const genres = ranked(body.genres);
    return { name: match.name, genres: genres.length ? genres : ranked(body.tags), providerId: match.id };
  }
}
