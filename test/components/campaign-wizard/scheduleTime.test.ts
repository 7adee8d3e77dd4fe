import { describe, expect, it } from 'vitest';
import { zonedTimeToIso } from '../../../src/components/campaign-wizard/scheduleTime';

describe('zonedTimeToIso', () => {
  it('reads a wall-clock time in the chosen zone, across daylight saving', () => {
    expect(zonedTimeToIso('2026-12-20', '10:00', 'Europe/Lisbon')).toBe('2026-12-20T10:00:00.000Z');
    expect(zonedTimeToIso('2026-07-20', '10:00', 'Europe/Lisbon')).toBe('2026-07-20T09:00:00.000Z');
    expect(zonedTimeToIso('2026-12-20', '10:00', 'America/Sao_Paulo')).toBe('2026-12-20T13:00:00.000Z');
    expect(zonedTimeToIso('2026-12-20', '09:30', 'Asia/Kolkata')).toBe('2026-12-20T04:00:00.000Z');
    expect(zonedTimeToIso('2026-03-08', '12:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
  });

  it('answers null for a missing or malformed date or time, or an unknown zone', () => {
    expect(zonedTimeToIso('', '10:00', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-12-20', '', 'UTC')).toBeNull();
    expect(zonedTimeToIso('20/12/2026', '10:00', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-12-20', '10:00', 'Mars/Olympus')).toBeNull();
  });
});
