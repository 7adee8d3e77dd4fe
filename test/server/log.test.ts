import { describe, expect, it } from 'vitest';
import { createLogger, requestIdFor, runLoggedJob, type JobLogEntry } from '../../server/src/log';

const request = { method: 'GET', route: '/api/v1/contacts/:id', path: '/api/v1/contacts/c-1', status: 200, ms: 3.14159, requestId: 'req-1' };

describe('the server log', () => {
  it('writes a request as one JSON line with the route pattern (not the path), status, ms and request id', () => {
    const lines: string[] = [];
    createLogger('json', (line) => lines.push(line)).request(request);

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ kind: 'request', method: 'GET', route: '/api/v1/contacts/:id', status: 200, ms: 3.1, requestId: 'req-1' });
    expect(lines[0]).not.toContain('c-1');
    expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
  });

  it('writes a job try as one JSON line with queue, id, outcome and ms, and the error of a failed try', () => {
    const lines: string[] = [];
    const logger = createLogger('json', (line) => lines.push(line));
    logger.job({ queue: 'send-message', id: 'job-1', outcome: 'completed', ms: 12.34 });
    logger.job({ queue: 'send-message', id: 'job-2', outcome: 'failed', ms: 1, error: 'HTTP 503' });

    expect(lines.map((line) => JSON.parse(line) as unknown)).toMatchObject([
      { kind: 'job', queue: 'send-message', id: 'job-1', outcome: 'completed', ms: 12.3 },
      { kind: 'job', queue: 'send-message', id: 'job-2', outcome: 'failed', ms: 1, error: 'HTTP 503' },
    ]);
  });

  it('writes a short line for a person with pretty, and nothing with off', () => {
    const lines: string[] = [];
    createLogger('pretty', (line) => lines.push(line)).request(request);
    createLogger('off', (line) => lines.push(line)).request(request);
    createLogger('off', (line) => lines.push(line)).job({ queue: 'q', id: 'j', outcome: 'completed', ms: 1 });

    expect(lines).toEqual(['GET /api/v1/contacts/c-1 200 3.1ms']);
  });

  it('keeps a sensible incoming X-Request-Id and makes up a UUID for a missing or unsafe one', () => {
    expect(requestIdFor('lb-7f3a:42')).toBe('lb-7f3a:42');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(requestIdFor(null)).toMatch(uuid);
    expect(requestIdFor('two words')).toMatch(uuid);
    expect(requestIdFor('{"forged":"line"}\n')).toMatch(uuid);
    expect(requestIdFor('x'.repeat(129))).toMatch(uuid);
  });

  it('logs a job try that throws as failed with its error, and throws it on', async () => {
    const entries: JobLogEntry[] = [];
    await runLoggedJob((entry) => entries.push(entry), { queue: 'q', id: 'j-1' }, () => Promise.resolve('done'));
    await expect(
      runLoggedJob((entry) => entries.push(entry), { queue: 'q', id: 'j-2' }, () => Promise.reject(new Error('WhatsApp is down'))),
    ).rejects.toThrow('WhatsApp is down');

    expect(entries).toMatchObject([
      { queue: 'q', id: 'j-1', outcome: 'completed' },
      { queue: 'q', id: 'j-2', outcome: 'failed', error: 'WhatsApp is down' },
    ]);
  });
});
