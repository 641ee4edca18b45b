import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDailyIssuance } from '../../../lambdas/adapters/sources/daily-issuance-feed.ts';
import {
  DEFAULT_USER_AGENT,
  FeedFetchError,
  type FetchFunction,
  fetchFeedText,
} from '../../../lambdas/adapters/sources/https-fetcher.ts';
import { isoDate } from '../../../lambdas/core/time/calendar-date.ts';

type Reply = (response: ServerResponse) => void;

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** A local server answering the nth request with the nth reply (the last one repeats); records user agents. */
const serve = async (replies: readonly Reply[]): Promise<{ port: number; userAgents: string[] }> => {
  const userAgents: string[] = [];
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    userAgents.push(request.headers['user-agent'] ?? '');
    (replies[userAgents.length - 1] ?? replies.at(-1))?.(response);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { port: (server?.address() as AddressInfo).port, userAgents };
};

/** The real fetch, sent to the local plain-HTTP server in place of the feed's HTTPS host. */
const toLocal =
  (port: number): FetchFunction =>
  (url, init) =>
    fetch(url.replace('https://feed.test', `http://127.0.0.1:${port}`), init);

const FEED = 'https://feed.test/issuance.json';
const noWait = { sleep: async () => {}, random: () => 0.5, baseDelayMs: 100 };

describe('fetching a feed', () => {
  it('retries a 5xx and returns the body that follows, with a polite user agent each time', async () => {
    const local = await serve([(response) => response.writeHead(503).end('busy'), (response) => response.end('[]')]);

    const body = await fetchFeedText(FEED, { fetch: toLocal(local.port), ...noWait });

    expect(body).toBe('[]');
    expect(local.userAgents).toEqual([DEFAULT_USER_AGENT, DEFAULT_USER_AGENT]);
  });

  it('waits longer before each retry, with jitter', async () => {
    const local = await serve([(response) => response.writeHead(500).end()]);
    const waits: number[] = [];

    const failure = fetchFeedText(FEED, {
      fetch: toLocal(local.port),
      retries: 3,
      baseDelayMs: 100,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

    await expect(failure).rejects.toThrow('https://feed.test/issuance.json: HTTP 500 (after 4 attempts)');
    expect(waits).toEqual([50, 100, 200]);
  });

  it('gives up on a server that does not answer in time, naming the timeout', async () => {
    const local = await serve([() => {}]);

    const failure = fetchFeedText(FEED, { fetch: toLocal(local.port), timeoutMs: 100, retries: 1, ...noWait });

    await expect(failure).rejects.toThrow('https://feed.test/issuance.json: timed out (after 2 attempts)');
    expect(local.userAgents).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const local = await serve([(response) => response.writeHead(404).end()]);

    await expect(fetchFeedText(FEED, { fetch: toLocal(local.port), ...noWait })).rejects.toBeInstanceOf(FeedFetchError);
    expect(local.userAgents).toHaveLength(1);
  });

  it('fetches only https URLs', async () => {
    await expect(fetchFeedText('http://feed.test/issuance.json')).rejects.toThrow('only https URLs are fetched');
  });

  it('a malformed body arrives as fetched and the parser names it', async () => {
    const local = await serve([(response) => response.end('<html>maintenance</html>')]);

    const body = await fetchFeedText(FEED, { fetch: toLocal(local.port), ...noWait });
    const { documents, errors } = parseDailyIssuance(body, isoDate('2024-09-12'));

    expect(documents).toEqual([]);
    expect(errors).toMatchObject([{ feed: 'daily-issuance', position: 'body' }]);
  });
});
