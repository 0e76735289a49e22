/**
 * Builders for the payloads Slack sends an app, with the fields real deliveries carry: an Events
 * API envelope around app_mention and message.im events, slash command fields, block_actions clicks
 * (on an ephemeral message, or on a button as it was posted) and a modal's view_submission.
 */
import { z } from 'zod';
import { BOT_ID, BOT_USER_ID, TEAM_ID, type OpenedView, type PostedMessage } from './fake-slack-api.ts';

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

/** A button as a click reports it: the posted button's fields, where it sat, and when it was clicked. */
interface ClickedAction {
  action_id: string;
  block_id: string;
  text: unknown;
  value?: string;
  style?: string;
}

/** Where a click happened: the message's container, and the message itself when it is not ephemeral. */
interface ClickWhere {
  channel: string;
  responseUrl: string;
  /** From the fake's `triggerId()` when the click may open a modal. */
  triggerId?: string;
  user?: string;
  /** The posted message clicked (Slack sends it back); absent for an ephemeral one, as Slack does. */
  message?: PostedMessage;
}

/** A block_actions payload, as Slack sends one for a click in a message. */
function blockActions(action: ClickedAction, where: ClickWhere) {
  const user = where.user ?? USER_ID;
  const message = where.message;
  const threadTs = typeof message?.thread_ts === 'string' ? { thread_ts: message.thread_ts } : {};
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container:
      message === undefined
        ? { type: 'message', message_ts: nextTs(), channel_id: where.channel, is_ephemeral: true }
        : { type: 'message', message_ts: message.ts, channel_id: where.channel, is_ephemeral: false, ...threadTs },
    trigger_id: where.triggerId ?? '1234.5678.abcdef',
    team: { id: TEAM_ID, domain: 'forcewatch-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: where.channel, name: 'police-data' },
    ...(message === undefined
      ? {}
      : {
          message: {
            type: 'message',
            subtype: 'bot_message',
            user: BOT_USER_ID,
            bot_id: BOT_ID,
            app_id: APP_ID,
            team: TEAM_ID,
            text: message.text,
            blocks: message.blocks,
            ts: message.ts,
            ...threadTs,
          },
        }),
    state: { values: {} },
    response_url: where.responseUrl,
    actions: [{ ...action, type: 'button', action_ts: `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, '0')}` }],
  };
}

/** A click on a button in an ephemeral message. */
export function buttonClick(channel: string, actionId: string, value: string, responseUrl: string) {
  const action = { action_id: actionId, block_id: 'share', text: { type: 'plain_text', text: 'Share in channel', emoji: true }, value, style: 'primary' };
  return blockActions(action, { channel, responseUrl });
}

const PostedButton = z
  .object({ type: z.literal('button'), action_id: z.string(), text: z.unknown(), value: z.string().optional(), style: z.string().optional() })
  .loose();
const PostedBlocks = z.array(z.object({ type: z.string(), block_id: z.string().optional(), elements: z.array(z.unknown()).optional() }).loose());

/**
 * A click on the button `actionId` among `blocks` (a message as it was posted): the payload carries
 * that button's own value, as Slack's does. Throws when no such button was posted: nobody could
 * click it.
 */
export function clickOn(blocks: unknown, actionId: string, where: ClickWhere) {
  for (const [i, block] of PostedBlocks.parse(blocks).entries()) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      const button = PostedButton.safeParse(element);
      if (!button.success || button.data.action_id !== actionId) continue;
      const { action_id, text, value, style } = button.data;
      // Slack gives a block posted without an id one of its own.
      const action = {
        action_id,
        block_id: block.block_id ?? `b${i}`,
        text,
        ...(value === undefined ? {} : { value }),
        ...(style === undefined ? {} : { style }),
      };
      return blockActions(action, where);
    }
  }
  throw new Error(`no button ${actionId} was posted in those blocks`);
}

/**
 * A view_submission of a modal the app opened: the view as Slack returned it from views.open, with
 * each input's value under its block_id and action_id (null for one left empty, as Slack sends).
 */
export function viewSubmission(view: OpenedView, values: Record<string, string>, options: { user?: string } = {}) {
  const inputs = z
    .array(
      z
        .object({ type: z.string(), block_id: z.string().optional(), element: z.object({ type: z.string(), action_id: z.string() }).loose().optional() })
        .loose(),
    )
    .parse(view.blocks);
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of inputs) {
    if (block.type !== 'input' || block.block_id === undefined || block.element === undefined) continue;
    const { type, action_id } = block.element;
    state[block.block_id] = { [action_id]: { type, value: values[`${block.block_id}.${action_id}`] ?? null } };
  }
  const user = options.user ?? USER_ID;
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'forcewatch-test' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.${++sequence}.submit`,
    view: {
      ...view,
      state: { values: state },
      app_id: APP_ID,
      bot_id: BOT_ID,
      root_view_id: view.id,
      previous_view_id: null,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
