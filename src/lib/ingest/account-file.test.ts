import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountFileError, planAccountFile, readAccountFile, readsAs, withRole } from './account-file';
import { isoToDay } from '../engine/days';
import { NO_DAY } from '../engine/answers';

const dir = join(__dirname, '../../../tests/fixtures/outcomes');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('planAccountFile', () => {
  it('reads a Japanese CRM export as outcomes: account, churn flag and date, revenue, satisfaction', () => {
    const file = new Uint8Array(readFileSync(join(dir, 'crm-outcomes.csv')));
    const plan = planAccountFile(file, 'crm-outcomes.csv');
    expect(plan.roles).toEqual(['account', 'churn', 'churnDate', 'revenue', 'csat']);
    expect(readsAs(plan.roles)).toEqual({ outcomes: true, invited: false });
    const { outcomes, invited } = readAccountFile(file, plan, 7);
    expect(invited).toBeUndefined();
    // A04 is listed twice: the last row counts. The row without an id is not joined.
    expect(outcomes).toEqual({
      file: 'crm-outcomes.csv', importedAt: 7,
      columns: { account: '顧客ID', churn: '解約フラグ', churnDate: '解約日', revenue: '年間契約額', csat: '満足度' },
      accounts: ['A01', 'A02', 'A04', 'A99'],
      churn: [1, 1, 0, 0],
      churnDay: [isoToDay('2024-03-31'), isoToDay('2024-05-10'), NO_DAY, NO_DAY],
      revenue: [1_200_000, 800_000, 650_000, 100_000],
      csat: [2, 1, 4, 5],
      withoutAccount: 1,
      repeated: 1,
    });
  });

  it('reads a list of accounts per wave with their plan as invitations', () => {
    const file = new Uint8Array(readFileSync(join(dir, 'invited.csv')));
    const plan = planAccountFile(file, 'invited.csv');
    expect(plan.roles).toEqual(['account', 'wave', 'segment']);
    const { outcomes, invited } = readAccountFile(file, plan, 1);
    expect(outcomes).toBeUndefined();
    expect(invited!.accounts.length).toBe(46);
    expect(invited!.waves!.slice(20, 24)).toEqual(['W1', 'W1', 'W2', 'W2']);
    expect(invited!.columns).toEqual({ account: 'account_id', wave: 'wave', segments: ['plan'] });
    expect(invited!.segments[0][0]).toBe('Free');
  });

  it('takes an invited flag, leaves out rows it says no to, and a plain column of ids as every wave', () => {
    const flagged = bytes('email,invited\na@x.jp,yes\nb@x.jp,no\nc@x.jp,1\n');
    const plan = planAccountFile(flagged, 'f.csv');
    expect(plan.roles).toEqual(['account', 'invited']);
    const { invited } = readAccountFile(flagged, plan, 0);
    expect(invited).toMatchObject({ accounts: ['a@x.jp', 'c@x.jp'], notInvited: 1 });
    expect(invited!.waves).toBeUndefined();
    const ids = bytes('customer_id\nC001\nC002\nC003\n');
    expect(planAccountFile(ids, 'ids.csv').roles).toEqual(['account']);
  });

  it('lets the person change a role, and refuses a file without an account column', () => {
    const file = bytes('code,arr\nC1,100\nC2,200\n');
    const plan = planAccountFile(file, 'x.csv');
    expect(plan.roles[0]).toBe('account');
    const none = withRole(plan, 0, 'ignore');
    expect(() => readAccountFile(file, none, 0)).toThrow(AccountFileError);
    expect(withRole(plan, 1, 'account').roles).toEqual(['ignore', 'account']);
  });

  it('says what is wrong with an empty or header-only file', () => {
    expect(() => planAccountFile(bytes(''), 'e.csv')).toThrow(expect.objectContaining({ problem: 'empty-file' }));
    expect(() => planAccountFile(bytes('id,arr\n'), 'h.csv')).toThrow(expect.objectContaining({ problem: 'header-only' }));
  });
});
