import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { audienceKey, translate } from './messages';

describe('texts for an employee survey', () => {
  const variants = Object.keys(en).filter((k) => k.endsWith('@employee'));

  it('are variants of texts that exist, and change the words', () => {
    expect(variants.length).toBeGreaterThan(20);
    for (const key of variants as Array<keyof typeof en>) {
      const base = key.slice(0, -'@employee'.length) as keyof typeof en;
      expect(base in en, key).toBe(true);
      // A variant says something else in at least one language (English has no plural to change in some).
      expect(en[key] !== en[base] || ja[key] !== ja[base], key).toBe(true);
    }
  });

  it('are used for employees only, and fall back to the common text', () => {
    expect(audienceKey('followUp.customer', 'customers')).toBe('followUp.customer');
    expect(audienceKey('followUp.customer', 'employees')).toBe('followUp.customer@employee');
    expect(audienceKey('followUp.status', 'employees')).toBe('followUp.status');
    expect(translate('en', audienceKey('overview.customers', 'employees'), { count: 1 })).toBe('employee');
    expect(translate('ja', audienceKey('nav.outcomes', 'employees'))).toBe('離職');
    expect(translate('ja', audienceKey('nav.outcomes', 'customers'))).toBe('解約・売上');
  });
});
