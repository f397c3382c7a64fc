import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { clientAddress, logIn, staff } from './helpers';
import { openDb } from './authz-fixtures';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const suffix = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;

/** A person with a session, written straight into the e2e database (the sign-up flow is covered elsewhere). */
function person(role: string, family: string): { email: string; token: string } {
	const db = openDb();
	try {
		const now = new Date().toISOString();
		const email = `decisions-${role}-${suffix}@example.org`;
		const id = Number(
			db
				.prepare(
					'insert into users (email, email_verified, password_hash, role, given_name, family_name, organization_id, created_at) values (?, 1, null, ?, ?, ?, null, ?)'
				)
				.run(email, role, 'Dana', family, now).lastInsertRowid
		);
		const token = crypto.randomBytes(24).toString('base64url');
		db.prepare('insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)').run(
			sha256(token),
			id,
			new Date(Date.now() + 86_400_000).toISOString(),
			now
		);
		return { email, token };
	} finally {
		db.close();
	}
}

async function as(browser: Browser, token: string): Promise<Page> {
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	await ctx.addCookies([{ name: 'ccm_session', value: token, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }]);
	return ctx.newPage();
}

async function axe(page: Page, path: string, shot: string) {
	const res = await page.goto(path);
	expect(res?.status(), path).toBe(200);
	await page.screenshot({ path: `test-results/h10-${shot}.png`, fullPage: true });
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path} ${v.id}: ${v.help}`);
	expect(bad).toEqual([]);
}

test('staff record a decision and a Coordinator’s task; the Coordinator reports it done; the follow-up report shows it; a delegate cannot read the minutes', async ({
	browser
}) => {
	test.slow();
	const coordinator = person('cc_member', `Coordinator${suffix}`);
	const delegate = person('delegate', `Delegate${suffix}`);
	const number = `para. ${suffix}`;

	const staffPage = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(staffPage, staff.email, staff.password);
	await staffPage.goto('/admin/meetings/9msp/decisions');
	const outcomeForm = staffPage.locator('form[action="?/outcome"]');
	await outcomeForm.getByLabel('Number as in the report or minutes').fill(number);
	await outcomeForm.getByLabel('Document symbol').fill('CCM/MSP/2019/E2E');
	await outcomeForm.getByLabel('Agenda item').selectOption({ label: '12. Date, duration and venue of the next meetings' });
	await outcomeForm.getByLabel('Text').fill('The Meeting asked the Coordinators to report on the e2e test.');
	await outcomeForm.getByRole('button', { name: 'Record outcome' }).click();
	await expect(staffPage.getByText(`Recorded ${number}.`)).toBeVisible();

	// The same number in the same document: refused at the field, the input kept.
	await outcomeForm.getByLabel('Number as in the report or minutes').fill(number);
	await outcomeForm.getByLabel('Document symbol').fill('CCM/MSP/2019/E2E');
	await outcomeForm.getByLabel('Text').fill('A second text.');
	await outcomeForm.getByRole('button', { name: 'Record outcome' }).click();
	await expect(outcomeForm.getByText(/is already used in CCM\/MSP\/2019\/E2E/)).toBeVisible();
	await expect(outcomeForm.getByLabel('Text')).toHaveValue('A second text.');

	const taskForm = staffPage.locator('details', { has: staffPage.getByText(`Add a task following ${number}`) });
	await taskForm.getByText(`Add a task following ${number}`).click();
	await taskForm.getByLabel('What is to be done').fill(`Write the e2e report ${suffix}.`);
	await taskForm.getByLabel('Who').selectOption('coordinator');
	await taskForm.getByLabel('Person (Coordinator or account holder)').selectOption({ label: `Dana Coordinator${suffix} (cc member)` });
	await taskForm.getByLabel('Due date').fill('2019-08-01');
	await taskForm.getByRole('button', { name: 'Add task' }).click();
	// At the field, and in the form's error summary as a link to it.
	await expect(taskForm.getByLabel('Due date')).toHaveAccessibleDescription(/on or after the meeting’s first day/);
	await expect(taskForm.getByRole('link', { name: /on or after the meeting’s first day/ })).toBeVisible();
	await expect(taskForm.getByLabel('What is to be done')).toHaveValue(`Write the e2e report ${suffix}.`);
	await taskForm.getByLabel('Due date').fill('2031-01-15');
	await taskForm.getByRole('button', { name: 'Add task' }).click();
	await expect(staffPage.getByText(/Task recorded/)).toBeVisible();

	// The Coordinator: the task is on their page; a note and "done".
	const cc = await as(browser, coordinator.token);
	await cc.goto('/account/tasks');
	const task = cc.locator('section', { has: cc.getByRole('heading', { name: `Write the e2e report ${suffix}.` }) });
	await expect(task.getByText(`${number} of the 9MSP`)).toBeVisible();
	await task.getByLabel('Progress note').fill('Report circulated to the Committee.');
	await task.getByLabel('Status').selectOption('done');
	await task.getByRole('button', { name: 'Add note' }).click();
	await expect(cc.getByText('Marked done, with your note.')).toBeVisible();
	await expect(task.getByText('Report circulated to the Committee.')).toBeVisible();
	await expect(task.getByRole('button', { name: 'Add note' })).toHaveCount(0);
	await axe(cc, '/account/tasks', 'account-tasks');
	await axe(cc, '/committee', 'committee');
	await axe(cc, '/committee/meetings/cc-demo-1', 'committee-meeting');

	// The follow-up report before the next formal meeting (the 2RC, in 2020) shows the task as it stood when the 2RC
	// opened: open, with "done" today beside it; the PDF says the same.
	await staffPage.goto('/meetings/2rc-1/follow-up');
	await expect(staffPage.getByText(/Task states are as they stood on 25 November 2020, not today/)).toBeVisible();
	const row = staffPage.getByRole('row', { name: new RegExp(number.replace('.', '\\.')) });
	await expect(row).toContainText(`Write the e2e report ${suffix}.`);
	await expect(row).toContainText('open (today: done)');
	await expect(row.getByRole('cell').last()).toHaveText('Open');
	const pdf = await staffPage.request.get('/meetings/2rc-1/follow-up.pdf');
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const pdfText = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() })
		.toString()
		.replace(/\s+/g, ' ');
	expect(pdfText).toContain(`Write the e2e report ${suffix}. — Coordinator: Dana Coordinator${suffix}, due 2031-01-15: open (today: done)`);

	// A delegate: the committee's minutes do not exist for them.
	const d = await as(browser, delegate.token);
	expect((await d.goto('/committee/meetings/cc-demo-1'))?.status()).toBe(404);
	expect((await d.goto('/meetings/cc-demo-1/decisions'))?.status()).toBe(404);

	for (const [path, shot] of [
		['/admin/meetings/9msp/decisions', 'admin-decisions'],
		['/admin/follow-up', 'admin-follow-up'],
		['/meetings/9msp/decisions', 'decisions'],
		['/meetings/2rc-1/follow-up', 'follow-up']
	] as const)
		await axe(staffPage, path, shot);
	const csv = await staffPage.request.get('/admin/follow-up.csv?all=1&meeting=9msp');
	expect(await csv.text()).toContain(`Write the e2e report ${suffix}.`);
});
