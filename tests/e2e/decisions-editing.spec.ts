import { expect, test } from '@playwright/test';
import crypto from 'node:crypto';
import { seriousViolations, staffPage } from './helpers';

const suffix = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;

test('staff correct an outcome (bad input refused at the field, input kept) and delete it with its task only with a reason', async ({ browser }) => {
	test.slow();
	const s = await staffPage(browser);
	const number = `para. E${suffix}`;
	await s.goto('/admin/meetings/9msp/decisions');
	const add = s.locator('form[action="?/outcome"]');
	await add.getByLabel('Number as in the report or minutes').fill(number);
	await add.getByLabel('Document symbol').fill('CCM/MSP/2019/EDIT');
	await add.getByLabel('Text').fill('The Meeting welcomed the e2e test.');
	await add.getByRole('button', { name: 'Record outcome' }).click();
	await expect(s.getByText(`Recorded ${number}.`)).toBeVisible();
	const taskForm = s.locator('details', { has: s.getByText(`Add a task following ${number}`) });
	await taskForm.getByText(`Add a task following ${number}`).click();
	await taskForm.getByLabel('What is to be done').fill(`Circulate the e2e note ${suffix}.`);
	await taskForm.getByLabel('Who').selectOption('isu');
	await taskForm.getByLabel('Due date').fill('2031-01-15');
	await taskForm.getByRole('button', { name: 'Add task' }).click();
	await expect(s.getByText(/Task recorded/)).toBeVisible();

	await s.getByRole('link', { name: `Edit or delete ${number}` }).click();
	await expect(s.getByRole('heading', { name: `Edit ${number}` })).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/h17-outcome-edit.png', fullPage: true });

	// A number too long for a paragraph reference: refused at the field, the new text kept.
	const edit = s.locator('form[action="?/save"]');
	await edit.getByLabel('Number as in the report or minutes').fill('x'.repeat(41));
	await edit.getByLabel('Text').fill('The Meeting warmly welcomed the e2e test.');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(s.locator('#o-number-error')).toBeVisible();
	await expect(edit.getByLabel('Text')).toHaveValue('The Meeting warmly welcomed the e2e test.');
	await edit.getByLabel('Number as in the report or minutes').fill(number);
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(s.getByText(`Saved ${number}.`)).toBeVisible();
	await s.goto('/meetings/9msp/decisions');
	await expect(s.getByText('The Meeting warmly welcomed the e2e test.')).toBeVisible();
	await s.goBack();

	// Deleting it would delete its task: a reason is asked for at the field.
	const del = s.locator('form[action="?/delete"]');
	await expect(s.getByText(`Circulate the e2e note ${suffix}.`)).toBeVisible();
	await del.getByLabel('Why the outcome and its tasks are deleted').fill('   ');
	await del.getByRole('button', { name: `Delete ${number} and its tasks` }).click();
	await expect(s.locator('#d-reason-error')).toHaveText(/say why it goes with it/);
	expect(await seriousViolations(s)).toEqual([]);
	await del.getByLabel('Why the outcome and its tasks are deleted').fill('Recorded in the wrong meeting.');
	await del.getByRole('button', { name: `Delete ${number} and its tasks` }).click();
	await expect(s).toHaveURL(/\/admin\/meetings\/9msp\/decisions\?deleted=1$/);
	await expect(s.getByText('Outcome deleted, with its task.')).toBeVisible();
	await expect(s.getByRole('heading', { name: new RegExp(number) })).toHaveCount(0);
});
