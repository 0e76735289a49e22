import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, reasonOf, type Answer, type Engine } from '../../src/index.ts';
import { digitNumbers, numbersIn } from '../../src/text/numbers.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

const plain = (a: Answer) => a.text.replace(/\[\d+\]/g, '').replace(/(\d),(\d{3})/g, '$1$2');
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join('\n');

describe('lookups', () => {
  it('answers a Hampshire 2021-22 allegation count with the quote that states it', () => {
    const a = engine.answer('How many misconduct allegations were made against Hampshire police in 2021-22?');
    expect(a.status).toBe('answered');
    expect(plain(a)).toContain('1938');
    expect(a.citations.some((c) => c.quote.includes('1938 misconduct allegations'))).toBe(true);
    expect(a.facts[0]).toMatchObject({ force: 'hampshire', value: 1938, periodId: '2021-22' });
  });

  it('understands aliases, typos and other spellings of the year', () => {
    for (const q of [
      'hants allegations 2021/22',
      'How many allegations did Hampshre police face in the year to March 2022?',
      'allegations against Hampshire Constabulary 2021-2022',
    ]) {
      expect(plain(engine.answer(q)), q).toContain('1938');
    }
  });

  it('answers an outcome within a measure: conduct matters sent to reflective practice', () => {
    const a = engine.answer('How many conduct matter allegations against Hampshire officers were referred to reflective practice in 2021-22?');
    expect(plain(a)).toMatch(/\b6\b/);
    expect(plain(a)).not.toContain('34');
  });

  it('never reads "recordable conduct matter" as "conduct matter"', () => {
    const a = engine.answer('Recordable conduct matters Hampshire 2021/22');
    expect(plain(a)).toContain('151');
    expect(plain(a)).not.toContain('101');
  });

  it('does not state a year for figures whose years the source leaves unstated', () => {
    const a = engine.answer('How many people left Hampshire police over sex-linked gross misconduct?');
    expect(plain(a)).toContain('18');
    expect(a.text).toMatch(/years not stated/);
  });

  it('says a year read from the release an article reports is inferred', () => {
    const a = engine.answer('How many misconduct complaint allegations were made against Hampshire Constabulary in the most recent year?');
    expect(plain(a)).toContain('933');
    expect(a.text).toContain('2024-25 (inferred)');
  });

  it('keeps a hedged figure hedged', () => {
    const a = engine.answer('How many complaints were recorded against police officers in England and Wales last year?');
    expect(plain(a)).toContain('nearly 97100');
  });
});

describe('shares, comparisons and change', () => {
  it('compares two forces and shows the difference as our calculation', () => {
    const a = engine.answer('Did Hampshire or Hertfordshire have more conduct matter allegations in 2021-22?');
    expect(a.type).toBe('comparison');
    expect(plain(a)).toMatch(/101.*94|94.*101/);
    expect(a.text).toMatch(/our calculation/);
    expect(a.facts.some((f) => f.computed?.operation === 'difference' && f.value === 7)).toBe(true);
  });

  it('compares stated shares', () => {
    const a = engine.answer('Which force had a higher share of allegations needing no action in 2021-22, Hampshire or Hertfordshire?');
    expect(plain(a)).toContain('96%');
    expect(plain(a)).toContain('89%');
  });

  it('computes a share with its working when no source states it', () => {
    const a = engine.answer("What share of Hertfordshire's conduct matter allegations in 2021-22 were referred to misconduct proceedings?");
    expect(a.status).toBe('answered');
    const share = a.facts.find((f) => f.computed?.operation === 'share');
    expect(share?.value).toBe(17);
    expect(a.text).toContain('16 ÷ 94');
  });

  it('computes change since a period with the difference and the percentage', () => {
    const a = engine.answer('How have misconduct allegations against Hampshire police changed since 2021-22?');
    expect(a.type).toBe('change');
    expect(plain(a)).toContain('1938');
    expect(plain(a)).toContain('933');
    expect(a.facts.some((f) => f.computed?.operation === 'difference' && f.value === -1005)).toBe(true);
    expect(a.facts.some((f) => f.computed?.operation === 'percent_change' && f.value === -51.9)).toBe(true);
  });

  it('answers "have complaints gone up or down?" for England and Wales, never asking which force', () => {
    const a = engine.answer('Have complaints gone up or down?');
    expect(a.status).toBe('answered');
    expect(a.facts.filter((f) => !f.computed).every((f) => f.force === 'england-and-wales')).toBe(true);
    expect(a.facts.some((f) => f.computed?.operation === 'percent_change')).toBe(true);
  });
});

describe('follow-ups carry the previous exchange', () => {
  it('carries period and measure to another force, then an outcome', () => {
    const first = engine.answer('How many allegations did Hampshire have in 2021-22?');
    const second = engine.answer('what about Hertfordshire?', { previous: first });
    expect(plain(second)).toContain('1972');
    const third = engine.answer('and how many needed no action?', { previous: second });
    expect(plain(third)).toContain('1758');
  });

  it('asks which forces to compare when there is nothing to go on', () => {
    expect(engine.answer('Which had more?').status).toBe('unclear');
  });
});

describe('passages: definitions and statements', () => {
  it('defines a conduct matter from the sources', () => {
    const a = engine.answer('What is a conduct matter?');
    expect(a.type).toBe('definition');
    expect(a.text).toMatch(/criminal offence/);
  });
  it('defines a recordable conduct matter without confusing it with a conduct matter', () => {
    expect(engine.answer('What is a recordable conduct matter?').text).toMatch(/death or serious injury/);
  });
  it('quotes what a named body said', () => {
    const a = engine.answer("What did the National Police Chiefs' Council say?");
    expect(a.type).toBe('statement');
    expect(a.text).toMatch(/nowhere to hide/);
  });
});

describe('declining', () => {
  it.each([
    // Sussex's complaint allegations are held for 2020-21 only (data/ingested), not 2021-22.
    ['How many misconduct allegations were made against Sussex Police in 2021-22?', 'period_not_held'],
    ['How many allegations did Hampshire officers face in 2015-16?', 'period_not_held'],
    // Force-reported dismissals are held for other forces, not Hertfordshire: declined, listing what is held
    // (which includes the BBC's count of dismissals after an IOPC case to answer, 2018 to early 2022).
    ['How many Hertfordshire officers were dismissed in 2023?', 'metric_not_held'],
    ['What is the capital of France?', 'off_topic'],
    ['How many allegations against Narnia Constabulary?', 'unknown_force'],
    ['Complaints against Police Scotland in 2021-22', 'unknown_force'],
    // Things about a force that no figure covers: declined, not an overview or a share of something else.
    ["Who is Hertfordshire's chief constable?", 'metric_not_held'],
    ['What is the crime rate in Hertfordshire?', 'metric_not_held'],
    // A town is its own force's (Hampshire's), never the force two letters from it (Manchester).
    ["What's the weather in Winchester?", 'metric_not_held'],
    // No source counts upheld allegations: the total must not stand in for them.
    ['How many allegations were upheld in Hampshire?', 'metric_not_held'],
    // Race is a subcategory held nationally only (Table 18): the force's total must not stand in for it.
    ['How many complaints about racism were made against Hampshire police?', 'metric_not_held'],
    // The FOI breakdown has no "no further action" outcome: its total must not stand in for one.
    ['How many sexual assault allegations against Hampshire officers resulted in no further action?', 'metric_not_held'],
  ])('declines "%s" (%s) and says what it holds instead', (q, reason) => {
    const a = engine.answer(q);
    expect(a.status).toBe('no_data');
    expect(reasonOf(a)).toBe(reason);
    expect(a.text).toMatch(/we hold|We hold|I can only/);
  });

  it('answers use of force nationally with the use-of-force subcategory, never all Schedule 3 allegations', () => {
    const a = engine.answer('How many complaints regarding use of force were made nationally?');
    expect(a.status).toBe('answered');
    expect(a.facts[0]).toMatchObject({ force: 'england-and-wales', metric: 'sch3-use-of-force', value: 7113 });
  });

  it('answers an empty question with help, not an error', () => {
    expect(engine.answer('   ')).toMatchObject({ status: 'no_data', reason: 'empty' });
  });
});

describe('force cards', () => {
  it('composes the card of every force we hold figures for, whatever its section names hold ("Rates per 1,000 employees")', () => {
    const failed = engine
      .forcesWithData()
      .filter((f) => engine.forceCard(f.name).status !== 'answered' || engine.forceCard(f.name, { full: true }).status !== 'answered');
    expect(failed.map((f) => f.name)).toEqual([]);
  });

  it('leads with a summary of at most twelve lines that points to every figure', () => {
    for (const force of engine.forcesWithData()) {
      const summary = engine.forceCard(force.name);
      expect(summary.text.split('\n').length, force.name).toBeLessThanOrEqual(12);
      const full = engine.forceCard(force.name, { full: true });
      // A force with few figures has its whole card as the summary, and nothing more to offer.
      if (summary.facts.length < full.facts.length)
        expect(summary.blocks.at(-1), force.name).toMatchObject({ kind: 'more', rest: true, forceName: force.name });
      expect(summary.facts.length, force.name).toBeLessThanOrEqual(full.facts.length);
    }
  });

  it('shows every Hampshire figure with citations', () => {
    const card = engine.forceCard('hants', { full: true });
    const held = loadDataset(BUNDLED_DATA_DIR).figures.filter((f) => f.force === 'hampshire' && !f.restates);
    expect(card.status).toBe('answered');
    for (const f of held) expect(card.facts.some((x) => x.value === f.value && x.metric === f.metric)).toBe(true);
  });
  it('shows a card for every force of the register, saying what it does not hold', () => {
    // Every force now has the IOPC 2024/25 tables (data/ingested), so no force is without a card.
    const card = engine.forceCard('Devon and Cornwall', { full: true });
    expect(card.status).toBe('answered');
    expect(card.text).toMatch(/Not held for this force/);
    expect(card.citations.some((c) => c.sourceType === 'official statistics table')).toBe(true);
  });
  it('declines a name that is not a force', () => {
    expect(engine.forceCard('Narnia Constabulary').status).toBe('no_data');
  });
  it('takes a bare "met" as the Met, and asks which force a shared name means', () => {
    expect(engine.forceCard('met', { full: true }).text).toMatch(/^Every figure we hold for Metropolitan Police Service/);
    expect(engine.forceCard('met').text).toMatch(/^Metropolitan Police Service: the newest figure of/);
    const london = engine.forceCard('london');
    expect(london.status).toBe('unclear');
    expect(london.text).toMatch(/City of London Police or Metropolitan Police Service/);
  });
});

describe('grounding: every number in an answer is quoted or computed', () => {
  const questions = [
    'How many misconduct allegations were made against Hampshire police in 2021-22?',
    'Did Hampshire or Hertfordshire have more conduct matter allegations in 2021-22?',
    'How have misconduct allegations against Hampshire police changed since 2021-22?',
    'tell me about Hampshire',
    'What is a conduct matter?',
    'How many allegations did Hampshire officers face in 2015-16?',
  ];
  it.each(questions)('holds for "%s"', (q) => {
    const a = engine.answer(q);
    const proven = new Set([...numbersIn(quotes(a)), ...a.facts.map((f) => Math.abs(f.value))]);
    // "per 1,000 workforce" names the rate's scale, not a figure.
    const names = [...a.facts.map((f) => f.period), ...engine.sources().map((s) => s.title), 'per 1,000 workforce', '× 1,000'];
    const labels = [...new Set(names)].sort((x, y) => y.length - x.length);
    // "and 5 other documents" counts our own documents, not a figure from them.
    let text = a.text.replace(/\[\d+\]/g, ' ').replace(/\b\d[\d,]* other documents?\b/g, ' ');
    for (const l of labels) text = text.split(l).join(' ');
    text = text.replace(/\b(?:19|20)\d\d(?:-\d\d)?\b/g, ' ');
    for (const n of digitNumbers(text)) expect(proven.has(Math.abs(n)), `${n} in ${a.text}`).toBe(true);
  });
});

describe('phrasings found by the regression set (test/eval/questions.jsonl)', () => {
  it('reads "recordable conduct matter allegations" as recordable conduct matters, leftmost phrase first', () => {
    const a = engine.answer('How many recordable conduct matter allegations were made against Hertfordshire officers?');
    expect(plain(a)).toContain('59');
    expect(plain(a)).not.toContain('94');
  });

  it('answers a multi-year period stated as "the two years to March 2016"', () => {
    const a = engine.answer('How many allegations of abuse of authority for sexual gain were reported in England and Wales in the two years to March 2016?');
    expect(a.status).toBe('answered');
    expect(plain(a)).toContain('436');
  });

  it('tells the share of complaints under special procedures from the count of allegations under them', () => {
    const share = engine.answer('What share of complaints in England and Wales were subject to special procedures?');
    expect(share.status).toBe('answered');
    expect(plain(share)).toMatch(/\b2%/);
    const count = engine.answer('How many complaints against Hampshire officers were investigated under special procedures?');
    expect(plain(count)).toContain('17');
  });

  it('declines a share of a measure held only as a count', () => {
    const a = engine.answer('What share of Hampshire allegations were investigated subject to special procedures?');
    expect(a.status).toBe('no_data');
    expect(reasonOf(a)).toBe('metric_not_held');
  });

  it('reads a negated action as "no action"', () => {
    expect(plain(engine.answer('Hertfordshire 2021-22: how many allegations did not lead to any action?'))).toContain('1758');
  });

  it('declines "what is the salary of…" for a force instead of giving an overview', () => {
    for (const q of ['What is the salary of the Hampshire chief constable?', 'What is the population of Hertfordshire?']) {
      const a = engine.answer(q);
      expect(a.status, q).toBe('no_data');
      expect(reasonOf(a), q).toBe('metric_not_held');
    }
    expect(engine.answer("What's the latest for Hampshire?").type).toBe('overview');
  });

  it('carries a defined term to the follow-up', () => {
    const first = engine.answer('What is a conduct matter?');
    const next = engine.answer('how many did Hertfordshire have in 2021-22?', { previous: first });
    expect(next.status).toBe('answered');
    expect(plain(next)).toContain('94');
  });

  it('takes a gloss in brackets as a definition, and reads "what is meant by"', () => {
    const a = engine.answer('What is meant by abuse of authority for sexual gain?');
    expect(a.type).toBe('definition');
    expect(a.text).toContain('exploit vulnerable victims');
    expect(a.text).toContain('explain');
  });

  it('says when only one of two forces compared holds the figure, instead of dropping the other', () => {
    const a = engine.answer('Hampshire or Hertfordshire: which referred more recordable conduct matters to misconduct proceedings?');
    expect(plain(a)).toContain('20');
    expect(a.text).toMatch(/don't hold .* for Hampshire/);
  });

  it('carries the measure to a follow-up naming only a part of it ("and police staff?")', () => {
    const first = engine.answer('How many PCSOs were accused of abuse of authority for sexual gain?');
    const next = engine.answer('and police staff?', { previous: first });
    expect(next.status).toBe('answered');
    expect(plain(next)).toMatch(/\b8\b/);
  });

  it('declines "who is the chief constable of…" rather than giving an overview', () => {
    const a = engine.answer('Who is the chief constable of Hertfordshire?');
    expect(a.status).toBe('no_data');
  });

  it('reads "brought in" as recruited', () => {
    const a = engine.answer('How many staff were brought in to help Hampshire with vetting?');
    expect(plain(a)).toMatch(/\b4\b/);
    expect(plain(a)).not.toContain('1000');
  });

  it('gives the total beside the outcome when the question asks for both', () => {
    const a = engine.answer('How many allegations did Hampshire get in 2021-22 and how many needed no action?');
    expect(plain(a)).toContain('1867');
    expect(plain(a)).toContain('1938');
  });

  it('reads a phrase with helper words inside it ("complaints were recorded")', () => {
    const a = engine.answer('How many complaints were recorded against officers in England and Wales the year before?');
    expect(plain(a)).toContain('86200');
    expect(a.citations.some((c) => c.sourceId === 'petersfield-post-fewer-allegations')).toBe(true);
  });

  it('puts the statements on the topic asked about first', () => {
    const a = engine.answer('What did the police spokesperson say about body worn video?');
    expect(a.type).toBe('statement');
    expect(a.text.split('\n').slice(0, 3).join(' ')).toContain('body worn video');
  });
});

describe('phrasings a reporter might use', () => {
  it('reads "higher or lower than the year before" as a question about change', () => {
    const a = engine.answer('Were complaints nationally higher or lower than the year before?');
    expect(a.type).toBe('change');
    expect(plain(a)).toMatch(/England and Wales rose from 44087 in 2020-21 .* to 86160 in 2022-23/);
  });

  it('reads "cops accused of misconduct" as misconduct allegations, not abuse of authority', () => {
    const a = engine.answer('How many Hampshire cops were accused of misconduct in the year to April 2022?');
    expect(plain(a)).toContain('1938 misconduct allegations');
  });

  it('reads "what does RCM stand for?" as a definition', () => {
    const a = engine.answer('What does RCM stand for?');
    expect(a.type).toBe('definition');
    expect(a.text).toMatch(/recordable conduct matter/);
  });

  it('quotes what a force said before what an analysis found about it', () => {
    const a = engine.answer('What did Hampshire Constabulary say about the figures?');
    expect(a.text).toMatch(/^What the sources report from Hampshire Constabulary:\nA spokesperson for Hampshire Constabulary said/);
  });

  it('still answers complaints "about" a force or its officers, and allegations "involving" a measure we hold', () => {
    expect(plain(engine.answer('How many complaints about Hampshire police were there in 2021-22?'))).toContain('1938');
    expect(plain(engine.answer('How many allegations involving sexual assault were made against Hampshire officers?'))).toContain(
      '38 sexual assault allegations',
    );
  });

  it('answers "which saw fewer" with the lower one first, and "force" alone names no measure', () => {
    const a = engine.answer('Which force saw fewer allegations, Hampshire or Hertfordshire?');
    expect(a.type).toBe('comparison');
    expect(plain(a)).toMatch(/^In 2021-22, Hampshire and Isle of Wight Constabulary had fewer misconduct allegations/);
  });
});

describe('a figure many sources restate', () => {
  it('cites the first three sources and counts the rest, so the answer stays readable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forcewatch-restated-'));
    try {
      cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
      const source = readFileSync(join(dir, 'sources.jsonl'), 'utf8').split('\n')[0] as string;
      const figure = readFileSync(join(dir, 'figures.jsonl'), 'utf8').split('\n')[0] as string;
      for (const n of [1, 2, 3, 4]) {
        const id = `syndicated-copy-${n}`;
        const meta = JSON.parse(source) as Record<string, unknown>;
        appendFileSync(join(dir, 'sources.jsonl'), `${JSON.stringify({ ...meta, id, url: `https://example.org/copy-${n}` })}\n`);
        cpSync(join(dir, 'sources', 'hampshire-chronicle-misconduct-allegations.txt'), join(dir, 'sources', `${id}.txt`));
        const fig = JSON.parse(figure) as Record<string, unknown>;
        appendFileSync(join(dir, 'figures.jsonl'), `${JSON.stringify({ ...fig, id: `copy-${n}-allegations`, source: id })}\n`);
      }
      const copy = loadEngine({ dataDir: dir });
      const a = copy.answer('How many misconduct allegations were made against Hampshire police in 2021-22?');
      expect(a.status).toBe('answered');
      // Six sources state 1,938: three cited, three counted.
      expect(a.citations).toHaveLength(3);
      expect(a.text).toContain('in 2021-22 [1][2][3] (and 3 more reports of it)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('overviews with many sources', () => {
  it('name the first few documents and count the rest', () => {
    const a = engine.answer('Tell me about England and Wales');
    expect(a.status).toBe('answered');
    const sources = /Sources: (.*?)\. Ask for the force card/.exec(a.text)?.[1] ?? '';
    expect(sources).toMatch(/ and \d+ other documents$/);
    expect(sources.split('), ').length).toBeLessThanOrEqual(8);
  });
});
