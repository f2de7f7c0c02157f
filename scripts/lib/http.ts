/**
 * Polite HTTP for the live sources (IMDb, Spotify, MusicBrainz): a minimum interval
 * between requests to one host, a timeout per attempt, and retries with exponential
 * backoff and jitter on 429 and 5xx that honour Retry-After.
 */
import { seededRandom, type Random } from './random.ts';

export interface HttpPolicy {
  /** Minimum time between the starts of two requests through this client. */
  minIntervalMs: number;
  timeoutMs: number;
  retries: number;
  baseDelayMs: number;
  /** Upper bound on any single wait, Retry-After included. */
  maxDelayMs: number;
}

export const defaultPolicy: HttpPolicy = {
  minIntervalMs: 1000,
  timeoutMs: 15_000,
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

/**
 * The policy with operator overrides from the environment (HTTP_MIN_INTERVAL_MS,
 * HTTP_TIMEOUT_MS, HTTP_RETRIES, HTTP_BASE_DELAY_MS, HTTP_MAX_DELAY_MS): tests use them
 * to run the real retry logic against a local server without waiting real seconds.
 */
export function policyFromEnv(base: HttpPolicy, env: NodeJS.ProcessEnv = process.env): HttpPolicy {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of at least 0, not "${value}"`);
    return n;
  };
  return {
    minIntervalMs: read('HTTP_MIN_INTERVAL_MS', base.minIntervalMs),
    timeoutMs: read('HTTP_TIMEOUT_MS', base.timeoutMs),
    retries: read('HTTP_RETRIES', base.retries),
    baseDelayMs: read('HTTP_BASE_DELAY_MS', base.baseDelayMs),
    maxDelayMs: read('HTTP_MAX_DELAY_MS', base.maxDelayMs),
  };
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpResponse {
  status: number;
  url: string;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Statuses returned to the caller instead of thrown (e.g. 404 when the caller explains it). */
  acceptStatuses?: number[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PoliteClient {
  private nextSlot = 0;
  private readonly random: Random;

  constructor(
    readonly policy: HttpPolicy = defaultPolicy,
    private readonly log: (line: string) => void = () => {},
    jitterSeed = 1,
  ) {
    this.random = seededRandom(jitterSeed);
  }

  async request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    let attempt = 0;
    for (;;) {
      await this.waitForSlot();
      let response: Response;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.policy.timeoutMs);
      try {
        const pending = fetch(url, {
          method: options.method ?? 'GET',
          headers: options.headers,
          body: options.body,
          signal: controller.signal,
          redirect: 'follow',
        });
        // The interval counts from when the request really started, which on a busy machine
        // can be well after its slot came.
        this.nextSlot = Math.max(this.nextSlot, Date.now() + this.policy.minIntervalMs);
        response = await pending;
        const text = await response.text();
        clearTimeout(timer);
        const retryable = response.status === 429 || response.status >= 500;
        if (retryable && attempt < this.policy.retries) {
          const wait = this.retryDelay(attempt, response.headers.get('retry-after'));
          this.log(`  ${response.status} from ${redact(url)}; retry ${attempt + 1}/${this.policy.retries} in ${wait} ms`);
          attempt++;
          await sleep(wait);
          continue;
        }
        if (response.ok || options.acceptStatuses?.includes(response.status)) {
          return { status: response.status, url: response.url || url, headers: response.headers, text };
        }
        throw new HttpError(
          `HTTP ${response.status} from ${redact(url)}${retryable ? ` after ${attempt + 1} attempts` : ''}`,
          url,
          response.status,
        );
      } catch (error) {
        clearTimeout(timer);
        if (error instanceof HttpError) throw error;
        const timedOut = controller.signal.aborted;
        const reason = timedOut ? `no answer within ${this.policy.timeoutMs} ms` : (error as Error).message;
        if (attempt < this.policy.retries) {
          const wait = this.retryDelay(attempt, null);
          this.log(`  ${reason} from ${redact(url)}; retry ${attempt + 1}/${this.policy.retries} in ${wait} ms`);
          attempt++;
          await sleep(wait);
          continue;
        }
        throw new HttpError(`${reason} from ${redact(url)} after ${attempt + 1} attempts`, url, null);
      }
    }
  }

  /** Delay before retry number `attempt` (0-based): Retry-After when given, else backoff with jitter. */
  retryDelay(attempt: number, retryAfter: string | null): number {
    const fromHeader = parseRetryAfter(retryAfter);
    const backoff = this.policy.baseDelayMs * 2 ** attempt;
    const jittered = backoff / 2 + this.random() * (backoff / 2);
    const wait = fromHeader ?? jittered;
    return Math.round(Math.min(this.policy.maxDelayMs, Math.max(0, wait)));
  }

  private async waitForSlot(): Promise<void> {
    const start = Math.max(Date.now(), this.nextSlot);
    this.nextSlot = start + this.policy.minIntervalMs;
    // A timer counts from the event loop's cached clock, which lags behind Date.now() by the
    // synchronous work done since the loop last woke (parsing the previous page, on a busy
    // machine a good part of the interval), so it can fire early: wait until the slot has come.
    for (let now = Date.now(); now < start; now = Date.now()) await sleep(start - now);
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Query strings can hold credentials; logs and errors never show them. */
export function redact(url: string): string {
  return url.replace(/([?&](?:client_secret|client_id|token|access_token|key)=)[^&]*/gi, '$1***');
}
