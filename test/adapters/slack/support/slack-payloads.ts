/**
 * Builders for the payloads Slack sends an app, with the fields real deliveries carry: an Events
 * API envelope around app_mention and message.im events, slash command fields, and a block_actions
 * click on an ephemeral message.
 */
import { BOT_USER_ID, TEAM_ID } from './fake-slack-api.ts';

export const USER_ID = 'U0ALICE';
export const APP_ID = 'A0TEST';

let sequence = 0;
/** A unique Slack-style message timestamp. */
export function nextTs(): string {
  sequence += 1;
  return `1712345678.${String(sequence).padStart(6, '0')}`;
}
/** A unique event ID. */
export function nextEventId(): string {
  sequence += 1;
  return `Ev0TEST${String(sequence).padStart(6, '0')}`;
}

interface EventOptions {
  ts?: string;
  threadTs?: string;
  user?: string;
  botId?: string;
  subtype?: string;
  eventId?: string;
}

function envelope(event: Record<string, unknown>, eventId: string) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

/** A message event of `fields`' kind, as a user (or `options.botId`) posted it. */
function messageEvent(fields: Record<string, string>, channel: string, text: string, options: EventOptions) {
  const ts = options.ts ?? nextTs();
  const event = {
    ...fields,
    user: options.user ?? USER_ID,
    text,
    ts,
    channel,
    event_ts: ts,
    team: TEAM_ID,
    ...(options.threadTs === undefined ? {} : { thread_ts: options.threadTs }),
    ...(options.botId === undefined ? {} : { bot_id: options.botId }),
    ...(options.subtype === undefined ? {} : { subtype: options.subtype }),
  };
  return { ts, body: envelope(event, options.eventId ?? nextEventId()) };
}

/** An @mention of the bot in a channel (text should include `<@U0BOT>`). */
export function appMention(channel: string, text: string, options: EventOptions = {}) {
  return messageEvent({ type: 'app_mention' }, channel, text, options);
}

/** A direct message to the bot. */
export function directMessage(channel: string, text: string, options: EventOptions = {}) {
  return messageEvent({ type: 'message', channel_type: 'im' }, channel, text, options);
}

/** Slash command form fields. */
export function slashCommand(command: string, text: string, channel: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'forcewatch-test',
    channel_id: channel,
    channel_name: 'police-data',
    user_id: USER_ID,
    user_name: 'alice',
    command,
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1234.5678.abcdef',
  };
}

/** A click on a button in an ephemeral message. */
export function buttonClick(channel: string, actionId: string, value: string, responseUrl: string) {
  return {
    type: 'block_actions',
    user: { id: USER_ID, username: 'alice', name: 'alice', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: true },
    trigger_id: '1234.5678.abcdef',
    team: { id: TEAM_ID, domain: 'forcewatch-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'police-data' },
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'share',
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        value,
        style: 'primary',
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
      },
    ],
  };
}
