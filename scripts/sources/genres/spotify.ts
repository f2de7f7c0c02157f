/**
 * Spotify Web API: a client-credentials token from SPOTIFY_CLIENT_ID and
 * SPOTIFY_CLIENT_SECRET, then artist search. Only an artist whose name matches (by
 * artistKey) is taken; the credentials never reach a log, an error or a file.
 */
import { PoliteClient, type HttpPolicy } from '../../lib/http.ts';
import { artistKey } from '../../lib/text.ts';
import type { GenreLookup, GenreProvider } from './provider.ts';

export interface SpotifyOptions {
  clientId: string;
  clientSecret: string;
  accountsUrl?: string;
  apiUrl?: string;
  policy?: HttpPolicy;
  log?: (line: string) => void;
}

interface SpotifyArtist {
  id: string;
  name: string;
  genres?: string[];
}

export class SpotifyProvider implements GenreProvider {
  readonly name = 'spotify' as const;
  private token: { value: string; expires: number } | null = null;
  private readonly client: PoliteClient;
  readonly #credentials: { id: string; secret: string };

  private readonly options: SpotifyOptions;

  constructor(options: SpotifyOptions) {
    if (!options.clientId || !options.clientSecret)
      throw new Error('Spotify needs SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET in the environment');
    this.#credentials = { id: options.clientId, secret: options.clientSecret };
    this.client = new PoliteClient(
      options.policy ?? { minIntervalMs: 100, timeoutMs: 15_000, retries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 },
      options.log,
    );
    // The options object holds the secret; keep only what is not secret.
    this.options = { ...options, clientId: '', clientSecret: '' };
  }

  /** Keeps the secret out of util.inspect and JSON.stringify of the provider. */
  toJSON() {
    return { name: this.name };
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expires > Date.now() + 10_000) return this.token.value;
    const basic = Buffer.from(`${this.#credentials.id}:${this.#credentials.secret}`).toString('base64');
    const response = await this.client.request(`${this.options.accountsUrl ?? 'https://accounts.spotify.com'}/api/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      acceptStatuses: [400, 401],
    });
    if (response.status !== 200)
      throw new Error(
        `Spotify refused the client credentials (HTTP ${response.status}); check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET`,
      );
    const body = JSON.parse(response.text) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('Spotify answered the token request without an access_token');
    this.token = { value: body.access_token, expires: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return this.token.value;
  }

  async lookup(artist: string): Promise<GenreLookup | null> {
    const url = `${this.options.apiUrl ?? 'https://api.spotify.com'}/v1/search?type=artist&limit=10&q=${encodeURIComponent(`artist:${artist}`)}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken();
      const response = await this.client.request(url, { headers: { Authorization: `Bearer ${token}` }, acceptStatuses: [401] });
      if (response.status === 401) {
        this.token = null; // expired early: fetch a new one once
        continue;
      }
      const body = JSON.parse(response.text) as { artists?: { items?: SpotifyArtist[] } };
      const match = (body.artists?.items ?? []).find((item) => artistKey(item.name) === artistKey(artist));
      return match ? { name: match.name, genres: [...(match.genres ?? [])], providerId: match.id } : null;
    }
    throw new Error('Spotify kept refusing the access token');
  }
}
