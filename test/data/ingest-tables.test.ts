import { beforeAll, describe, expect, it } from 'vitest';
import { nationalAddressee } from '../../scripts/ingest/recommendations.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR, loadEngine, type Engine } from '../../src/engine.ts';

const plain = (text: string) => text.replace(/\[\d+\]/g, '');

describe('IOPC Table 6 categories, Table 18 and the BBC Shared Data Unit files as ingested', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = loadEngine();
  });

  it('serves a category only from rows whose split is certain or clearly best, and records the rest as unreadable', () => {
    const { figures, unreadable } = loadDataset(BUNDLED_DATA_DIR);
    const t6 = figures.filter((f) => f.source === 'iopc-2024-25-table-6-allegations-logged' && f.metric !== 'allegations-logged');
    expect(new Set(t6.map((f) => f.force))).toContain('kent');
    expect(t6.some((f) => f.force === 'bedfordshire')).toBe(false);
    expect(unreadable.filter((u) => u.force === 'bedfordshire')).toHaveLength(11);
  });

  it('answers a category from Table 6, cited by table, row and column, never with the total', () => {
    const a = engine.answer('SWP: allegations of discriminatory behaviour logged in the year to 31 March 2025?');
    expect(a.status).toBe('answered');
    expect(plain(a.text)).toContain('229');
    expect(plain(a.text)).not.toContain('5,733');
    expect(a.citations[0]?.location).toBe('Table 6, row “South Wales”, column “Discriminatory behaviour”');
    expect(a.citations[0]?.title).toContain('Police complaints: statistics for England and Wales 2024/25 — Table 6: Number of allegations logged');
    expect(a.citations[0]?.published).toBe('2025-11-27');
  });

  it('declines an unreadable cell saying so, with the force total instead', () => {
    const a = engine.answer('Bedfordshire Police 2024/25: allegations concerning handling of or damage to property?');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('could not be read reliably');
    expect(plain(a.text)).toContain('1,756');
  });

  it('works a category as a share of the force total', () => {
    const a = engine.answer('Lancs Police 2024-25: delivery of duties and service allegations as a percentage of all allegations logged');
    expect(plain(a.text)).toContain('53.4%');
  });

  it('gives a Table 18 subcategory with how it was handled', () => {
    const a = plain(engine.answer('Race discrimination allegations finalised under Schedule 3 nationally in 2024-25: total and number investigated?').text);
    expect(a).toContain('2,026');
    expect(a).toContain('558 allegations investigated (28%)');
  });

  it('answers a rate per 1,000 workforce with the published rate, its count and its workforce', () => {
    const a = plain(engine.answer('For every 1,000 Dorset Police staff, how many had an IOPC misconduct case to answer?').text);
    expect(a).toContain('2.7 per 1,000 workforce');
    expect(a).toContain('2,623');
    expect(a).toContain('the published rate');
  });

  it('ranks per 1,000 workforce by the published rate', () => {
    const a = engine.answer('Which force had the lowest IOPC case-to-answer rate per 1,000 workforce?');
    expect(a.type).toBe('ranking');
    expect(plain(a.text)).toMatch(/^Derbyshire Constabulary had the lowest/);
  });

  it('counts recommendations to a force and those marked accepted', () => {
    const a = plain(engine.answer("Of the IOPC's recommendations to Essex Police, how many are marked as accepted?").text);
    expect(a).toContain('We hold 14 IOPC learning recommendations to Essex Police recorded as accepted, of 47 we hold');
    expect(a).toContain('; accepted)');
  });

  it('reads the national body a national recommendation is addressed to', () => {
    expect(nationalAddressee('National recommendation - The College of Policing, June 2021')).toBe('The College of Policing');
    expect(nationalAddressee('National recommendation - ACPO and the College of Policing - April 2016')).toBe('ACPO and the College of Policing');
    expect(nationalAddressee('National recommendations - Mark Duggan investigation, May 2015')).toBeUndefined();
  });
});
