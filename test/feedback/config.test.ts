import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedbackConfigFromEnv } from '../../src/index.ts';

describe('the feedback settings', () => {
  it('store in ./state with no question words when nothing is set (blank counts as unset)', () => {
    expect(feedbackConfigFromEnv({ DATABASE_URL: '', RECORD_QUESTIONS: '' }, '/srv/bot')).toEqual({
      store: { kind: 'embedded', stateDir: '/srv/bot/state' },
      recordQuestions: false,
    });
  });

  it('take FORCEWATCH_STATE_DIR from the working directory, and DATABASE_URL over it', () => {
    expect(feedbackConfigFromEnv({ FORCEWATCH_STATE_DIR: 'var/fw', RECORD_QUESTIONS: 'true' }).store).toEqual({
      kind: 'embedded',
      stateDir: resolve('var/fw'),
    });
    expect(feedbackConfigFromEnv({ FORCEWATCH_STATE_DIR: 'var/fw', DATABASE_URL: 'postgresql://bot@db:5432/forcewatch' }).store).toEqual({
      kind: 'postgres',
      url: 'postgresql://bot@db:5432/forcewatch',
    });
  });

  it('stop start-up naming each malformed variable', () => {
    const read = () => feedbackConfigFromEnv({ DATABASE_URL: 'mysql://db/x', RECORD_QUESTIONS: 'yes' });
    expect(read).toThrow(/DATABASE_URL must be a PostgreSQL URL.*RECORD_QUESTIONS must be true or false/);
    expect(read).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });
});
