/**
 * Reading SuprSend's answers, leniently where the API is not documented and strictly
 * where a wrong answer would do harm: a create's secret and id, a listing's ids.
 * Every problem is thrown as a `SuprSendFailure` of kind 'answer'.
 */
import type { HttpResponse } from '../net/http.js';
import { SuprSendFailure, type AnswerProblem, type BodyFacts, type FailedRequest } from './failure.js';
import { isPathSegment } from './ids.js';
import type { Page } from './paging.js';
import type { ApiKey, CreatedKey } from './types.js';

/**
 * The new key and its secret. `onSecret` gets the secret the moment it is read,
 * before anything else can fail and print.
 */
export function readCreated(response: HttpResponse, request: FailedRequest, onSecret: (secret: string) => void): CreatedKey {
  const fail = (problem: AnswerProblem, keyId?: string): SuprSendFailure =>
    new SuprSendFailure(request, { kind: 'answer', problem, status: response.status, keyId });
  // Never quote this body: it may hold the secret.
  const parsed = parseCreated(response, request, false);
  const secret = isObject(parsed) && typeof parsed.api_key === 'string' && parsed.api_key !== '' ? parsed.api_key : undefined;
  if (secret !== undefined) onSecret(secret);
  const id = isObject(parsed) && typeof parsed.id === 'string' && parsed.id !== '' ? parsed.id : undefined;
  if (secret === undefined) throw fail('create-without-secret', id);
  if (id === undefined) throw fail('create-without-id');
  if (!isPathSegment(id)) throw fail('create-with-bad-id', id);
  const { api_key: _secret, ...key } = parsed as ApiKey & { api_key: string };
  // Only the 'api-key' output may carry the secret: a preview that holds it is no preview.
  if (typeof key.masked_api_key === 'string' && key.masked_api_key.includes(secret)) delete key.masked_api_key;
  return { key: { ...key, id }, secret };
}

/**
 * The JSON of the answer to a create (or a roll, a rotate); a body that is not JSON is a failure
 * ('create-not-json'), its start quoted only when `mayQuote` (never where it may hold a secret).
 */
export function parseCreated(response: HttpResponse, request: FailedRequest, mayQuote: boolean): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw new SuprSendFailure(request, {
      kind: 'answer',
      problem: 'create-not-json',
      status: response.status,
      body: bodyFacts(response, mayQuote)
    });
  }
}

/**
 * A page of any listing (`results` and `meta.count`): every entry must carry `field` as a
 * non-empty string, or the listing cannot be trusted. The `secretFields` (an API key's `api_key`
 * unless told otherwise) are dropped if a server sends them.
 */
export function readList(
  response: HttpResponse,
  request: FailedRequest,
  offset: number,
  field: string,
  secretFields: readonly string[] = ['api_key']
): Page<Record<string, unknown>> {
  const fail = (problem: AnswerProblem, at: number, body?: BodyFacts): SuprSendFailure =>
    new SuprSendFailure(request, { kind: 'answer', problem, status: response.status, offset: at, body });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    throw fail('not-json', offset, bodyFacts(response, true));
  }
  const results = isObject(parsed) ? parsed.results : undefined;
  if (!Array.isArray(results)) throw fail('no-results', offset);
  const items: Record<string, unknown>[] = [];
  for (const [i, item] of results.entries()) {
    if (!isObject(item) || typeof item[field] !== 'string' || item[field] === '') throw fail('entry-without-id', offset + i);
    // A listing never carries secrets; drop one if a server sends it anyway (a copy only then).
    if (secretFields.some((f) => f in item)) {
      items.push(Object.fromEntries(Object.entries(item).filter(([k]) => !secretFields.includes(k))));
    } else {
      items.push(item);
    }
  }
  const meta = isObject(parsed) ? parsed.meta : undefined;
  const count = isObject(meta) ? meta.count : undefined;
  const total = typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
  return { items, total };
}

/**
 * The API's own words about an error. Bodies vary: `message`, `detail` (a string or
 * a list), `error_code`, or only `code` and `message`; proxies send HTML or text.
 */
export function apiMessage(response: HttpResponse): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return pageText(response.body);
  }
  if (!isObject(parsed)) return typeof parsed === 'string' ? parsed.slice(0, 300) : '';
  const parts: string[] = [];
  const add = (value: unknown): void => {
    const text = flatten(value);
    if (text !== '' && !parts.some((p) => p.includes(text))) parts.push(text);
  };
  add(parsed.message);
  add(parsed.detail);
  add(parsed.error);
  const code = typeof parsed.error_code === 'string' ? ` [${parsed.error_code}]` : '';
  const text = parts.join('; ');
  return (text.length > 300 ? `${text.slice(0, 300)}…` : text) + code;
}

/** How deep an error body is read: real ones nest two or three levels; a hostile one, without end. */
const MAX_ERROR_DEPTH = 8;

function flatten(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (depth >= MAX_ERROR_DEPTH) return Array.isArray(value) || isObject(value) ? '…' : '';
  if (Array.isArray(value))
    return value
      .map((v) => flatten(v, depth + 1))
      .filter((v) => v !== '')
      .join('; ');
  if (isObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${flatten(v, depth + 1)}`)
      .join('; ');
  }
  return '';
}

/** What can be said of a body that is not the JSON expected: its type and size, and its start only when it may be quoted. */
export function bodyFacts(response: HttpResponse, mayQuote: boolean): BodyFacts {
  const facts: BodyFacts = { contentType: response.headers['content-type'], bytes: Buffer.byteLength(response.body) };
  const text = mayQuote ? pageText(response.body) : '';
  return text === '' ? facts : { ...facts, snippet: text };
}

/** The start of a body, as one line without markup (an HTML page's title): enough to recognise a proxy's page. */
function pageText(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
