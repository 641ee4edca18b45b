import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Response = APIGatewayProxyStructuredResultV2;
type Coding = 'br' | 'gzip';

/** Below this, compressing saves less than the headers it adds. */
const MIN_COMPRESSED_BYTES = 1024;

const compressors: Record<Coding, (body: Buffer) => Buffer> = {
  // Quality 5 of 11: most of the gain for a fraction of the time on a 100 KB page.
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (body) => gzipSync(body),
};

/** The codings `Accept-Encoding` accepts (RFC 9110 §12.5.3), brotli first; `q=0` refuses one. */
export const acceptedCoding = (acceptEncoding: string | undefined): Coding | undefined => {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name !== '') weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((coding) => weightOf(coding) > 0);
};

/** A strong validator of the representation: a digest of its bytes, one per content coding. */
const entityTag = (body: string, coding: Coding | undefined): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}${coding ? `-${coding}` : ''}"`;

/** Whether `If-None-Match` names the representation in any coding (RFC 9110 §13.1.2 compares weakly). */
const matchesAny = (ifNoneMatch: string | undefined, body: string): boolean => {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const tags = new Set([undefined, 'br', 'gzip'].map((coding) => entityTag(body, coding as Coding | undefined)));
  return ifNoneMatch.split(',').some((tag) => tags.has(tag.trim().replace(/^W\//, '')));
};

/** The headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5). */
const notModifiedHeaders = ['cache-control', 'etag', 'vary', 'expires', 'content-location'];

/**
 * What a GET's or HEAD's 200 becomes for the request's own headers: a strong `ETag`, 304 when
 * `If-None-Match` holds it, the body compressed when `Accept-Encoding` accepts brotli or gzip
 * (base64 with `isBase64Encoded`, as API Gateway's payload format 2.0 takes binary bodies), and no
 * body at all for HEAD (RFC 9110 §9.3.2). Anything else passes unchanged.
 */
export const negotiatedResponse = (event: APIGatewayProxyEventV2, response: Response): Response => {
  const { method } = event.requestContext.http;
  const { body } = response;
  if ((method !== 'GET' && method !== 'HEAD') || response.statusCode !== 200 || body === undefined) return response;
  const size = Buffer.byteLength(body);
  const coding = size >= MIN_COMPRESSED_BYTES ? acceptedCoding(event.headers['accept-encoding']) : undefined;
  const headers: Record<string, string> = {
    ...(response.headers as Record<string, string> | undefined),
    etag: entityTag(body, coding),
    vary: 'Accept-Encoding',
  };
  if (matchesAny(event.headers['if-none-match'], body))
    return {
      statusCode: 304,
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => notModifiedHeaders.includes(name))),
    };
  const encoded = coding ? { ...headers, 'content-encoding': coding } : headers;
  if (method === 'HEAD') return { statusCode: 200, headers: encoded };
  if (!coding) return { ...response, headers: encoded };
  return {
    statusCode: 200,
    headers: encoded,
    body: compressors[coding](Buffer.from(body)).toString('base64'),
    isBase64Encoded: true,
  };
};
