/**
 * The soak's quick mode, as CI runs it: one round of 500 concurrent signed Slack requests (50 of
 * them redelivered) and a burst of 60 Discord slash commands and 60 mentions, through the real
 * adapters and the local fake servers. Every request gets exactly one reply, none twice.
 */
import { describe, expect, it } from 'vitest';
import { runSoak, soakOptions } from './soak.ts';

describe('the soak, quick', () => {
  it('loses no answer and duplicates none under 500 concurrent Slack requests and a Discord burst', async () => {
    const report = await runSoak(soakOptions(['--quick']));
    expect(report.rounds).toBe(1);
    expect(report.slack).toMatchObject({ requests: 500, redeliveries: 50, lost: 0, duplicated: 0 });
    expect(report.discord).toEqual({ interactions: 60, mentions: 60, lost: 0, duplicated: 0 });
  }, 60_000);

  it('loses none and duplicates none with Slack as two replicas on one Redis, each redelivery sent to the other', async () => {
    const report = await runSoak(soakOptions(['--quick', '--replicas=2']));
    expect(report.slack).toMatchObject({ replicas: 2, requests: 500, redeliveries: 50, lost: 0, duplicated: 0 });
    expect(report.discord).toMatchObject({ lost: 0, duplicated: 0 });
  }, 90_000);
});
