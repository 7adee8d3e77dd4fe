import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, redactDatabaseUrl } from '../../server/src/config';

const cwd = '/srv/reachout';

const cloudApi = {
  WHATSAPP_TOKEN: 'EAAG-token',
  WHATSAPP_PHONE_NUMBER_ID: '1055',
  WHATSAPP_BUSINESS_ACCOUNT_ID: '2077',
  WHATSAPP_APP_SECRET: 'app-secret',
  WHATSAPP_VERIFY_TOKEN: 'verify-me',
};

describe('loadConfig', () => {
  it('has the documented defaults for an empty environment', () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 4455,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: path.join(cwd, '.reachout-data') },
      apiToken: undefined,
      seedContacts: 10_000,
      simulatorDelayMs: 3000,
      eventRetentionDays: 7,
      whatsapp: undefined,
      staticDir: undefined,
      publicUrl: undefined,
      maxRequestsInProgress: 128,
      jobExpireSeconds: 120,
      jobSuperviseSeconds: 60,
      logFormat: 'json',
      shutdownSeconds: 10,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        REACHOUT_DATA_DIR: 'data/pg',
        REACHOUT_API_TOKEN: 'secret-token',
        REACHOUT_SEED: '0',
        REACHOUT_SIM_DELAY_MS: '250',
        REACHOUT_EVENT_RETENTION_DAYS: '30',
        REACHOUT_STATIC_DIR: '/opt/demo/dist',
        REACHOUT_PUBLIC_URL: 'https://support.example.com/reachout/',
        REACHOUT_MAX_REQUESTS_IN_PROGRESS: '16',
        REACHOUT_JOB_EXPIRE_SECONDS: '30',
        REACHOUT_JOB_SUPERVISE_SECONDS: '5',
        REACHOUT_LOG: 'pretty',
        REACHOUT_SHUTDOWN_SECONDS: '3',
      },
      cwd,
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      database: { kind: 'pglite', dataDir: '/srv/reachout/data/pg' },
      apiToken: 'secret-token',
      seedContacts: 0,
      simulatorDelayMs: 250,
      eventRetentionDays: 30,
      whatsapp: undefined,
      staticDir: '/opt/demo/dist',
      publicUrl: 'https://support.example.com/reachout',
      maxRequestsInProgress: 16,
      jobExpireSeconds: 30,
      jobSuperviseSeconds: 5,
      logFormat: 'pretty',
      shutdownSeconds: 3,
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, ignoring REACHOUT_DATA_DIR', () => {
    const url = 'postgresql://reachout:pw@db.internal:5432/reachout';
    expect(loadConfig({ DATABASE_URL: url, REACHOUT_DATA_DIR: 'ignored' }, cwd).database).toEqual({ kind: 'postgres', url });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', REACHOUT_API_TOKEN: '  ', DATABASE_URL: '' }, cwd)).toMatchObject({
      port: 4455,
      apiToken: undefined,
      database: { kind: 'pglite' },
    });
  });

  it('accepts PORT=0 to listen on any free port', () => {
    expect(loadConfig({ PORT: '0' }, cwd).port).toBe(0);
  });

  it.each([['http'], ['-1'], ['65536'], ['80.5'], ['0x50']])('rejects PORT=%s, naming the variable and the value', (port) => {
    expect(() => loadConfig({ PORT: port }, cwd)).toThrow(`PORT must be a port number from 0 to 65535, got "${port}".`);
  });

  it.each([['0'], ['3651'], ['a week']])('rejects REACHOUT_EVENT_RETENTION_DAYS=%s', (days) => {
    expect(() => loadConfig({ REACHOUT_EVENT_RETENTION_DAYS: days }, cwd)).toThrow(
      `REACHOUT_EVENT_RETENTION_DAYS must be a number of days from 1 to 3650, got "${days}".`,
    );
  });

  it.each([['soon'], ['-5'], ['1.5']])('rejects REACHOUT_SIM_DELAY_MS=%s', (delay) => {
    expect(() => loadConfig({ REACHOUT_SIM_DELAY_MS: delay }, cwd)).toThrow(
      `REACHOUT_SIM_DELAY_MS must be a delay in milliseconds from 0 to 3600000, got "${delay}".`,
    );
  });

  it('rejects a REACHOUT_LOG that is not json, pretty or off, and a REACHOUT_SHUTDOWN_SECONDS of 0', () => {
    expect(() => loadConfig({ REACHOUT_LOG: 'verbose' }, cwd)).toThrow('REACHOUT_LOG must be one of json, pretty, off, got "verbose".');
    expect(() => loadConfig({ REACHOUT_SHUTDOWN_SECONDS: '0' }, cwd)).toThrow(/^REACHOUT_SHUTDOWN_SECONDS must be a number of seconds/);
    expect(loadConfig({ REACHOUT_LOG: 'OFF' }, cwd).logFormat).toBe('off');
  });

  it('rejects a REACHOUT_SEED that is not a count', () => {
    expect(() => loadConfig({ REACHOUT_SEED: 'yes' }, cwd)).toThrow(/^REACHOUT_SEED must be a number of demo contacts/);
  });

  it('seeds the given number of demo contacts', () => {
    expect(loadConfig({ REACHOUT_SEED: '25' }, cwd).seedContacts).toBe(25);
  });

  it('rejects a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/reachout' }, cwd)).toThrow(
      /^DATABASE_URL must be a PostgreSQL URL .* got a "mysql:" URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url' }, cwd)).toThrow(/^DATABASE_URL is not a valid URL/);
  });

  it('switches to Cloud API mode when all five WhatsApp credentials are set', () => {
    expect(loadConfig(cloudApi, cwd).whatsapp).toEqual({
      accessToken: 'EAAG-token',
      phoneNumberId: '1055',
      businessAccountId: '2077',
      appSecret: 'app-secret',
      verifyToken: 'verify-me',
      graphUrl: 'https://graph.facebook.com',
      templateCacheMs: 300_000,
    });
    expect(loadConfig({ ...cloudApi, WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9999/' }, cwd).whatsapp?.graphUrl).toBe(
      'http://127.0.0.1:9999',
    );
  });

  it('names the missing WhatsApp credentials when only some are set', () => {
    const { WHATSAPP_APP_SECRET: _secret, WHATSAPP_VERIFY_TOKEN: _verify, ...partial } = cloudApi;
    expect(() => loadConfig(partial, cwd)).toThrow(
      'WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN are not set (WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_BUSINESS_ACCOUNT_ID are)',
    );
    expect(() => loadConfig({ WHATSAPP_TOKEN: 'x' }, cwd)).toThrow(/WHATSAPP_PHONE_NUMBER_ID, .* are not set \(WHATSAPP_TOKEN is\)/);
  });

  it('reads how long templates are cached from WHATSAPP_TEMPLATE_CACHE_MS, 0 meaning no cache', () => {
    expect(loadConfig({ ...cloudApi, WHATSAPP_TEMPLATE_CACHE_MS: '60000' }, cwd).whatsapp?.templateCacheMs).toBe(60_000);
    expect(loadConfig({ ...cloudApi, WHATSAPP_TEMPLATE_CACHE_MS: '0' }, cwd).whatsapp?.templateCacheMs).toBe(0);
    expect(() => loadConfig({ ...cloudApi, WHATSAPP_TEMPLATE_CACHE_MS: '-1' }, cwd)).toThrow(/WHATSAPP_TEMPLATE_CACHE_MS/);
  });

  it('stays in simulator mode when only WHATSAPP_GRAPH_URL is set', () => {
    expect(loadConfig({ WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9999' }, cwd).whatsapp).toBeUndefined();
  });

  it('rejects a WHATSAPP_GRAPH_URL that is not http(s)', () => {
    expect(() => loadConfig({ ...cloudApi, WHATSAPP_GRAPH_URL: 'ftp://graph' }, cwd)).toThrow(
      'WHATSAPP_GRAPH_URL must be an http(s) URL such as https://graph.facebook.com, got "ftp://graph".',
    );
  });

  it('rejects a REACHOUT_PUBLIC_URL that is not a plain http(s) URL, naming the variable', () => {
    for (const url of ['support.example.com', 'ftp://example.com', 'https://example.com/?next=evil', 'https://user:pw@example.com']) {
      expect(() => loadConfig({ REACHOUT_PUBLIC_URL: url }, cwd)).toThrow(`REACHOUT_PUBLIC_URL must be the http(s) URL clients reach the server at`);
    }
  });

  it('rejects job expiry and supervise intervals under a second', () => {
    expect(() => loadConfig({ REACHOUT_JOB_EXPIRE_SECONDS: '0' }, cwd)).toThrow(
      'REACHOUT_JOB_EXPIRE_SECONDS must be a number of seconds from 1 to 86400, got "0".',
    );
    expect(() => loadConfig({ REACHOUT_JOB_SUPERVISE_SECONDS: '0.5' }, cwd)).toThrow(
      'REACHOUT_JOB_SUPERVISE_SECONDS must be a number of seconds from 1 to 3600, got "0.5".',
    );
  });

  it('rejects a REACHOUT_MAX_REQUESTS_IN_PROGRESS that is not a positive count', () => {
    expect(() => loadConfig({ REACHOUT_MAX_REQUESTS_IN_PROGRESS: '0' }, cwd)).toThrow(
      'REACHOUT_MAX_REQUESTS_IN_PROGRESS must be a number of requests from 1 to 100000, got "0".',
    );
  });

  it('does not depend on NODE_ENV', () => {
    const environment = { PORT: '0', REACHOUT_SEED: '3' };
    expect(loadConfig({ ...environment, NODE_ENV: 'test' }, cwd)).toEqual(loadConfig({ ...environment, NODE_ENV: 'production' }, cwd));
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactDatabaseUrl('postgres://reachout:hunter2@db:5432/app')).toBe('postgres://reachout:***@db:5432/app');
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1:5433/postgres')).toBe('postgres://postgres@127.0.0.1:5433/postgres');
  });
});
