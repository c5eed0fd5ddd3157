import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, importFiles } from './helpers';

// The hand-computed fixture (tests/fixtures/outcomes/expected.py): 20 accounts, each by its latest
// answer — detractors 3 of 6 churned, passives 1 of 6, promoters 1 of 8 (Wilson intervals below).
const answers = fixture('outcomes/accounts-nps.csv');
const invited = fixture('outcomes/invited.csv');
const crm = fixture('outcomes/crm-outcomes.csv');

/** No serious or critical axe violation (as tests/e2e/accessibility.spec.ts asks of every page). */
async function noSeriousViolation(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, where).toEqual([]);
}

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('churn per category, revenue at risk under an assumption, the invited and who answered, inertia in the follow-up list', async ({ page }) => {
    await page.goto('/');
    await importFiles(page, [answers]);
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await expect(page.getByTestId('outcomes-correlation')).toContainText('correlation within this data, not proof');
    const churn = page.getByTestId('churn-section');
    await expect(churn).toContainText('20 accounts with a known churn status, each by its latest answer');
    await expect(page.getByTestId('churn-detractor')).toHaveText(/Detractors.*6\s*3\s*50\.0%\s*18\.8 – 81\.2%/);
    await expect(page.getByTestId('churn-passive')).toHaveText(/Passives.*6\s*1\s*16\.7%\s*3\.0 – 56\.4%/);
    await expect(page.getByTestId('churn-promoter')).toHaveText(/Promoters.*8\s*1\s*12\.5%\s*2\.2 – 47\.1%/);
    await expect(page.getByTestId('churn-all')).toHaveText(/20\s*5\s*25\.0%\s*11\.2 – 46\.9%/);
    await expect(page.getByTestId('churn-test')).toContainText('χ² = 2.89, df 2, p = 0.236');
    await expect(page.getByTestId('churn-nps')).toContainText('−40.0 (5 accounts)');

    // Revenue at risk: detractors 1,800,000 + falling passives 1,700,000; all of it until the person says otherwise.
    const risk = page.getByTestId('revenue-at-risk');
    await expect(risk).toHaveText('3,500,000');
    await page.getByTestId('lost-share').fill('30');
    await page.getByTestId('lost-share').press('Enter');
    await expect(risk).toHaveText('1,050,000');
    await expect(page.getByTestId('revenue-detractor')).toContainText('540,000');
    // The assumption is kept with the dataset.
    await page.reload();
    await expect(page.getByTestId('revenue-at-risk')).toHaveText('1,050,000');
    await expect(page.getByTestId('lost-share')).toHaveValue('30');

    // The list of the invited, joined on the account id.
    await page.getByTestId('account-file-input').setInputFiles(invited);
    await expect(page.getByTestId('account-file-reads-as')).toContainText('Invited accounts');
    await expect(page.getByTestId('account-file-match')).toContainText('20 of the 24 accounts in the file are found among the answers');
    await page.getByTestId('join-account-file').click();
    await expect(page.getByTestId('invited-join')).toHaveText('24 accounts on the list: 20 answered at least once, 4 never did.');
    const waves = page.getByTestId('response-wave');
    await expect(waves.nth(0)).toHaveText(/W1\s*22\s*10\s*45\.5%\s*26\.9 – 65\.3%/);
    await expect(waves.nth(1)).toHaveText(/W2\s*24\s*17\s*70\.8%\s*50\.8 – 85\.1%/);
    await expect(page.getByTestId('response-silent')).toContainText('3 answered an earlier wave but not this one; 4 never answered');
    await expect(page.getByTestId('response-weigh')).toContainText('the NPS would be +10.0 instead of +5.9');
    await page.getByTestId('account-file-input').setInputFiles(crm);
    await expect(page.getByTestId('account-file-preview')).toBeVisible();
    await noSeriousViolation(page, 'outcomes with every section and a file preview (en)');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The report carries the same figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-json').click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(report.churn.byCategory.detractor).toMatchObject({ n: 6, churned: 3, rate: 50 });
    expect(report.revenue.atRisk).toEqual({ base: 3_500_000, lostShare: 0.3, total: expect.closeTo(1_050_000, 6) });
    expect(report.responses.map((r: { answered: number; invited: number }) => [r.answered, r.invited])).toEqual([[10, 22], [17, 24]]);

    // Satisfied but not recommending: marked in the follow-up list, and a filter to them.
    await page.getByRole('link', { name: 'Follow-up' }).click();
    await expect(page.getByTestId('followup-row')).toHaveCount(5);
    await expect(page.getByTestId('followup-inertia')).toHaveCount(2);
    await page.getByTestId('followup-inertia-only').check();
    await expect(page.getByTestId('followup-row')).toHaveCount(2);
    await expect(page.getByTestId('followup-row').filter({ hasText: 'A06' })).toHaveCount(1);
  });

  test('another tab marking the dataset as an employee survey is followed at once, with no stale copy', async ({ page, context }) => {
    await page.goto('/');
    await importFiles(page, [answers]);
    await expect(page.getByTestId('saving')).toHaveCount(0);
    await page.getByRole('link', { name: 'Follow-up' }).click();
    await expect(page.getByTestId('followup-row')).toHaveCount(5);
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByTestId('employee-survey').check();
    await expect(other.getByTestId('followup-off')).toBeVisible();
    await expect(page.getByTestId('followup-off')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Leavers' })).toBeVisible();
    await expect(page.getByTestId('changed-elsewhere')).toHaveCount(0);
    // And this tab can still change it (its copy is the stored version).
    await page.getByTestId('employee-survey').uncheck();
    await expect(page.getByTestId('followup-row')).toHaveCount(5);
    await expect(other.getByTestId('followup-row')).toHaveCount(5);
  });

  test('an outcomes file with leaving dates: churned accounts measured before they left', async ({ page }) => {
    // The same answers without churn, revenue or satisfaction: the Outcomes view is there to join a
    // file about the accounts (the answers name their customers), and the follow-up view leads to it.
    const dir = mkdtempSync(join(tmpdir(), 'nps-outcomes-'));
    const plain = join(dir, 'answers.csv');
    writeFileSync(plain, readFileSync(answers, 'utf8').split('\n').map((line) => line.split(',').slice(0, 6).join(',')).join('\n'));
    await page.goto('/');
    await importFiles(page, [plain]);
    await expect(page.getByRole('link', { name: 'Outcomes' })).toBeVisible();
    await page.getByRole('link', { name: 'Follow-up' }).click();
    await page.getByTestId('link-outcomes').click();
    await expect(page.getByTestId('outcomes-empty')).toBeVisible();
    await page.getByTestId('account-file-input').setInputFiles(crm);
    await expect(page.getByTestId('account-file-reads-as')).toContainText('Outcomes');
    await page.getByTestId('join-account-file').click();
    await expect(page.getByTestId('outcomes-join')).toContainText('Joined on «顧客ID»: 3 of the 4 accounts in the file answered the survey, 1 never did; 17 customers who answered are not in the file.');
    await expect(page.getByRole('link', { name: 'Outcomes' })).toBeVisible();
    // A01 left on 2024-03-31: counted by its January 8 (a passive), not its April 3.
    await expect(page.getByTestId('churn-section')).toContainText('by their latest answer before it');
    await expect(page.getByTestId('churn-passive')).toHaveText(/Passives.*1\s*1\s*100\.0%/);
    await expect(page.getByTestId('churn-detractor')).toHaveText(/Detractors.*2\s*1\s*50\.0%/);
    await page.getByTestId('remove-outcomes').click();
    await expect(page.getByTestId('outcomes-empty')).toBeVisible();
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('an employee survey speaks of employees and keeps follow-up off until it is turned on', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-files').setInputFiles(answers);
    await page.getByTestId('import-employee').check();
    await page.getByTestId('confirm-import').click();
    await expect(page.getByTestId('nps-value')).toBeVisible({ timeout: 30_000 });
    // Beside the latest wave the all-time figure names itself, as eNPS.
    await expect(page.locator('.headline .label')).toHaveText('eNPS（すべての回答）');
    await expect(page.getByTestId('customer-count').locator('..')).toContainText('従業員');
    await expect(page.getByRole('link', { name: '離職' })).toBeVisible();

    await page.getByRole('link', { name: 'フォローアップ' }).click();
    await expect(page.getByTestId('followup-off')).toContainText('この従業員調査ではフォローアップをオフにしています');
    await expect(page.getByTestId('followup-row')).toHaveCount(0);
    await expect(page.getByTestId('followup-optin')).toBeDisabled();
    await noSeriousViolation(page, 'follow-up off for an employee survey (ja)');
    await page.getByTestId('followup-optin-confirm').check();
    await page.getByTestId('followup-optin').click();
    await expect(page.getByRole('heading', { name: 'フォローアップする従業員' })).toBeVisible();
    await expect(page.getByTestId('followup-row')).toHaveCount(5);
    await expect(page.getByTestId('playbook-text')).toHaveValue(/スコアについて本人を問い詰めることは決してしません/);
    // Stored: still on after a reload.
    await page.reload();
    await expect(page.getByTestId('followup-row')).toHaveCount(5);

    // The outcomes view speaks of leaving; a customer survey again speaks of customers.
    await page.getByRole('link', { name: '離職' }).click();
    await expect(page.getByTestId('churn-section')).toContainText('eNPS 区分ごとの離職');
    await noSeriousViolation(page, 'leavers of an employee survey (ja)');
    await page.getByTestId('employee-survey').uncheck();
    await expect(page.getByRole('link', { name: '解約・売上' })).toBeVisible();
    await expect(page.getByTestId('churn-section')).toContainText('NPS 区分ごとの解約率');
    await expect(page.getByTestId('churn-detractor')).toHaveText(/批判者.*6\s*3\s*50\.0%\s*18\.8 – 81\.2%/);
    await page.getByRole('link', { name: 'フォローアップ' }).click();
    await expect(page.getByRole('heading', { name: 'フォローアップする顧客' })).toBeVisible();
  });
});
