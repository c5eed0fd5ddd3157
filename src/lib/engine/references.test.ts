import { describe, expect, it } from 'vitest';
import { referenceDomain, referenceFromDraft } from './references';

const draft = { kind: 'target' as const, value: '', label: '', source: '', year: '' };

describe('referenceFromDraft', () => {
  it('reads an NPS as typed: signs, decimal commas, full-width digits', () => {
    expect(referenceFromDraft({ ...draft, value: '30', label: ' FY2025 goal ' })).toEqual({ line: { kind: 'target', value: 30, label: 'FY2025 goal' } });
    expect(referenceFromDraft({ ...draft, value: '−12,5' })).toMatchObject({ line: { value: -12.5 } });
    expect(referenceFromDraft({ ...draft, value: '－２０' })).toMatchObject({ line: { value: -20 } });
    expect(referenceFromDraft({ ...draft, value: '+5' })).toMatchObject({ line: { value: 5 } });
  });

  it('refuses what is not an NPS', () => {
    for (const value of ['', 'abc', '101', '-100.5', '30%']) expect(referenceFromDraft({ ...draft, value })).toEqual({ problem: 'value' });
    expect(referenceFromDraft({ ...draft, value: '-100' })).toMatchObject({ line: { value: -100 } });
  });

  it('keeps a benchmark with its source and year, and asks for the source', () => {
    const bench = { ...draft, kind: 'benchmark' as const, value: '-35', label: 'SaaS (Japan)', source: 'Industry survey', year: '2024' };
    expect(referenceFromDraft(bench)).toEqual({ line: { kind: 'benchmark', value: -35, label: 'SaaS (Japan)', source: 'Industry survey', year: 2024 } });
    expect(referenceFromDraft({ ...bench, year: '' })).toEqual({ line: { kind: 'benchmark', value: -35, label: 'SaaS (Japan)', source: 'Industry survey' } });
    expect(referenceFromDraft({ ...bench, source: ' ' })).toEqual({ problem: 'source' });
    expect(referenceFromDraft({ ...bench, year: '24' })).toEqual({ problem: 'year' });
    expect(referenceFromDraft({ ...bench, year: '２０２４' })).toMatchObject({ line: { year: 2024 } });
  });

  it('a target keeps no source', () => {
    expect(referenceFromDraft({ ...draft, value: '10', source: 'x', year: '2024' })).toEqual({ line: { kind: 'target', value: 10, label: '' } });
  });
});

describe('referenceDomain', () => {
  it('spans the lines, or is null without any', () => {
    expect(referenceDomain([])).toBeNull();
    expect(referenceDomain([{ value: -35 }, { value: 30 }, { value: 5 }])).toEqual([-35, 30]);
  });
});
