import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpsLinesDatabase } from './database';
import { loadFollowUps, loadPlaybooks, saveFollowUp, savePlaybook } from './follow-ups';

let db: NpsLinesDatabase;
beforeEach(() => {
  db = new NpsLinesDatabase(`follow-ups-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('follow-up states', () => {
  it('are stored by the answer’s key and read back for the keys asked', async () => {
    await saveFollowUp({ key: 'A|2024-04-10|-1|3|0|', status: 'contacted', owner: '佐藤', due: '2024-05-01', notes: '電話済み', updatedAt: 5 }, db);
    await saveFollowUp({ key: 'B|2024-04-11|-1|6|0|', status: 'new', owner: '', due: '', notes: '', updatedAt: 6 }, db);
    const states = await loadFollowUps(['A|2024-04-10|-1|3|0|', 'X|none'], db);
    expect([...states.keys()]).toEqual(['A|2024-04-10|-1|3|0|']);
    expect(states.get('A|2024-04-10|-1|3|0|')).toMatchObject({ status: 'contacted', owner: '佐藤', notes: '電話済み' });
    // A later save replaces the state.
    await saveFollowUp({ key: 'A|2024-04-10|-1|3|0|', status: 'resolved', owner: '佐藤', due: '', notes: '', updatedAt: 7 }, db);
    expect((await loadFollowUps(['A|2024-04-10|-1|3|0|'], db)).get('A|2024-04-10|-1|3|0|')!.status).toBe('resolved');
  });

  it('a long list of keys reads the same states as a few at a time', async () => {
    const keys = Array.from({ length: 800 }, (_, i) => `C${i}|2024-04-10|-1|3|0|`);
    for (const i of [0, 17, 799]) await saveFollowUp({ key: keys[i], status: 'contacted', owner: `o${i}`, due: '', notes: '', updatedAt: i }, db);
    await saveFollowUp({ key: 'other|2024-01-01|-1|2|0|', status: 'resolved', owner: '', due: '', notes: '', updatedAt: 1 }, db);
    const states = await loadFollowUps(keys, db);
    expect([...states.keys()].sort()).toEqual([keys[0], keys[17], keys[799]].sort());
    expect(states.get(keys[799])).toMatchObject({ status: 'contacted', owner: 'o799' });
    // The same keys asked few at a time give the same answer.
    expect(await loadFollowUps([keys[17], 'other|2024-01-01|-1|2|0|'], db)).toEqual(new Map([[keys[17], states.get(keys[17])], ['other|2024-01-01|-1|2|0|', expect.objectContaining({ status: 'resolved' })]]));
  });

  it('playbooks are kept per group', async () => {
    await savePlaybook({ id: 'detractor', text: '3 日以内に電話', savedAt: 1 }, db);
    expect(await loadPlaybooks(db)).toEqual([{ id: 'detractor', text: '3 日以内に電話', savedAt: 1 }]);
  });
});
