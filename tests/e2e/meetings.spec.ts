import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { clientAddress, logIn, staff, uniqueEmail } from './helpers';
import {
	addSession,
	anonymousContext,
	createMeeting,
	fillMeetingForm,
	fillSessionForm,
	importAgenda,
	logInAs,
	mailLinks,
	parseIcs,
	publish,
	uniqueCode,
	visit
} from './meeting-helpers';

test.use({ extraHTTPHeaders: clientAddress() });

const AGENDA = `1. Opening of the meeting
2. Adoption of the agenda
3. Status and operation of the Convention:
(a) Universalization
(b) Victim assistance
4. Closing of the meeting`;

const GENEVA = {
	firstDay: '2031-06-10',
	lastDay: '2031-06-12',
	timeZone: 'Europe/Zurich',
	venue: 'Palais des Nations',
	city: 'Geneva',
	country: 'Switzerland'
};

test('staff create a meeting with an agenda and two sessions, publish it, and the public sees it', async ({ page, browser }) => {
	const code = uniqueCode();
	const title = `Test Meeting of States Parties ${code}`;
	await logInAs(page, staff.email, staff.password);

	await visit(page, '/admin/meetings');
	await page.getByRole('link', { name: 'New meeting' }).click();
	await expect(page.getByRole('heading', { name: 'New meeting' })).toBeVisible();
	await fillMeetingForm(page, { code, title, overview: 'A meeting made by the end-to-end tests.', ...GENEVA });
	await page.getByRole('button', { name: 'Create the meeting' }).click();
	await expect(page.getByText('Meeting created as a draft.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${code}: ${title}`);
	await expect(page.getByText('draft (only staff see it)')).toBeVisible();
	const slug = code.toLowerCase();
	await expect(page).toHaveURL(new RegExp(`/admin/meetings/${slug}\\?created=1$`));

	// The pasted agenda: a preview first, with the sub-items numbered (a), (b); then saved.
	await page.getByRole('link', { name: 'Agenda' }).click();
	await page.getByLabel('Agenda text').fill(AGENDA);
	await page.getByRole('button', { name: 'Preview', exact: true }).click();
	const preview = page.getByRole('list', { name: 'Preview of the imported agenda' });
	await expect(preview.getByRole('listitem')).toHaveText([
		'1 Opening of the meeting',
		'2 Adoption of the agenda',
		'3 Status and operation of the Convention:',
		'3 (a) Universalization',
		'3 (b) Victim assistance',
		'4 Closing of the meeting'
	]);
	await page.getByRole('button', { name: 'Save this agenda' }).click();
	await expect(page.getByText('Agenda saved: 6 items.')).toBeVisible();
	await expect(page.getByRole('row', { name: /3 \(a\) Universalization/ })).toBeVisible();

	// Giving (b) the letter of (a) is refused at the field, with what was typed kept.
	await page.getByRole('link', { name: 'Edit item 3 (b)' }).click();
	const itemForm = page.locator('form.inline-edit');
	await itemForm.getByLabel('Letter').fill('a');
	await itemForm.getByLabel('Title').fill('Victim assistance and support');
	await itemForm.getByRole('button', { name: 'Save item' }).click();
	await expect(itemForm.getByText('Another item is already numbered 3 (a).')).toBeVisible();
	await expect(itemForm.getByLabel('Title')).toHaveValue('Victim assistance and support');
	await itemForm.getByRole('link', { name: 'Cancel' }).click();
	await expect(page.getByRole('row', { name: /3 \(b\) Victim assistance/ })).toBeVisible();

	// Two sessions on the first day, in the same room; the morning one takes up two items.
	await page.getByRole('link', { name: `← ${code}` }).click();
	await page.getByRole('link', { name: 'Programme' }).click();
	await expect(page.getByText('No sessions yet.')).toBeVisible();
	await expect(page.getByText('The meeting runs 10–12 June 2031')).toBeVisible();
	await fillSessionForm(page, {
		title: 'Opening plenary',
		starts: '2031-06-10T10:00',
		ends: '2031-06-10T13:00',
		room: 'Room XIX',
		chair: 'The President',
		items: ['1 Opening of the meeting', '2 Adoption of the agenda']
	});
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page.getByText('Session added.')).toBeVisible();
	await expect(page.getByRole('heading', { name: '10:00–13:00 CEST · Opening plenary' })).toBeVisible();
	// (The form sets every field and box, whatever the page kept from the first session.)
	await fillSessionForm(page, {
		title: 'Universalization debate',
		starts: '2031-06-10T15:00',
		ends: '2031-06-10T18:00',
		room: 'Room XIX',
		items: ['3 (a) Universalization']
	});
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page.getByRole('heading', { name: 'Tuesday 10 June 2031' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(['10:00–13:00 CEST · Opening plenary', '15:00–18:00 CEST · Universalization debate']);
	await expect(page.getByText('Agenda items: 1, 2.')).toBeVisible();
	await expect(page.getByText('Agenda items: 3 (a).')).toBeVisible();
	// Back to back in one room is not a clash.
	await expect(page.getByText('Room clash')).toHaveCount(0);

	// A draft is not found by anyone but staff.
	const anon = await anonymousContext(browser);
	const visitor = await anon.newPage();
	for (const path of [`/meetings/${slug}`, `/meetings/${slug}/agenda`, `/meetings/${slug}/programme`]) {
		const res = await visitor.goto(path);
		expect(res?.status(), path).toBe(404);
	}
	await expect(visitor.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	expect((await visitor.request.get(`/meetings/${slug}/calendar.ics`)).status()).toBe(404);
	await visitor.goto('/meetings');
	await expect(visitor.getByRole('link', { name: new RegExp(code) })).toHaveCount(0);

	await publish(page, slug);
	await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();

	// The public list, under "Upcoming".
	await visitor.goto('/meetings');
	const link = visitor.getByRole('link', { name: `${code} · ${title}` });
	await expect(link).toBeVisible();
	await expect(visitor.getByRole('listitem').filter({ has: link })).toContainText('10–12 June 2031');
	await expect(visitor.getByRole('listitem').filter({ has: link })).toContainText('Geneva, Switzerland');
	await link.click();

	// The overview.
	await expect(visitor).toHaveURL(new RegExp(`/meetings/${slug}$`));
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(visitor.getByText('A meeting made by the end-to-end tests.')).toBeVisible();
	await expect(visitor.getByText('Palais des Nations, Geneva, Switzerland').first()).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'Add the meeting to your calendar' })).toHaveAttribute('href', `/meetings/${slug}/calendar.ics`);

	// The agenda, with the sub-items under their item.
	await visitor
		.getByRole('navigation', { name: `${code} pages` })
		.getByRole('link', { name: 'Agenda' })
		.click();
	await expect(visitor.getByRole('heading', { name: 'Provisional agenda' })).toBeVisible();
	const agenda = visitor.locator('ol.agenda > li');
	await expect(agenda).toHaveText([
		'1. Opening of the meeting',
		'2. Adoption of the agenda',
		'3. Status and operation of the Convention:',
		'(a) Universalization',
		'(b) Victim assistance',
		'4. Closing of the meeting'
	]);
	await expect(agenda.nth(3)).toHaveClass(/\bsub\b/);
	await expect(agenda.nth(2)).not.toHaveClass(/\bsub\b/);

	// The programme, in the venue's clock with its zone, and the items each session takes up.
	await visitor
		.getByRole('navigation', { name: `${code} pages` })
		.getByRole('link', { name: 'Programme' })
		.click();
	await expect(visitor.getByRole('heading', { name: 'Tuesday 10 June 2031' })).toBeVisible();
	const sessions = visitor.locator('ol.sessions > li');
	await expect(sessions).toHaveCount(2);
	const morning = sessions.nth(0);
	await expect(morning.locator('.time')).toHaveText('10:00–13:00 CEST');
	await expect(morning.locator('abbr')).toHaveAttribute('title', 'Europe/Zurich');
	await expect(morning.locator('time').first()).toHaveAttribute('datetime', '2031-06-10T08:00:00.000Z');
	await expect(morning).toContainText('Opening plenary');
	await expect(morning).toContainText('Room XIX · Chair: The President');
	await expect(morning.getByRole('list', { name: 'Agenda items' }).getByRole('listitem')).toHaveText(['1 Opening of the meeting', '2 Adoption of the agenda']);
	const afternoon = sessions.nth(1);
	await expect(afternoon.locator('.time')).toHaveText('15:00–18:00 CEST');
	await expect(afternoon.getByRole('list', { name: 'Agenda items' }).getByRole('listitem')).toHaveText(['3 (a) Universalization']);
	await expect(afternoon.getByRole('link', { name: '.ics file for Universalization debate' })).toHaveAttribute(
		'href',
		new RegExp(`^/meetings/${slug}/sessions/\\d+/calendar\\.ics$`)
	);
	await anon.close();
});

test('the calendar downloads, parses, answers 304 when unchanged and keeps its UIDs across a change', async ({ page, request }) => {
	const code = uniqueCode();
	await logInAs(page, staff.email, staff.password);
	const slug = await createMeeting(page, { code, title: `Calendar test ${code}`, ...GENEVA });
	await importAgenda(page, slug, AGENDA, 6);
	await addSession(page, slug, {
		title: 'Opening plenary',
		starts: '2031-06-10T10:00',
		ends: '2031-06-10T13:00',
		room: 'Room XIX',
		items: ['1 Opening of the meeting', '2 Adoption of the agenda']
	});
	await addSession(page, slug, {
		title: 'Afternoon plenary',
		starts: '2031-06-10T15:00',
		ends: '2031-06-10T18:00',
		room: 'Room XIX',
		items: ['3 (a) Universalization']
	});
	await publish(page, slug);

	// Downloaded anonymously, as a calendar client would.
	const res = await request.get(`/meetings/${slug}/calendar.ics`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
	const etag = res.headers()['etag'];
	expect(etag).toMatch(/^(W\/)?"[0-9a-f]{64}"$/);
	const text = await res.text();
	expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);

	const notModified = await request.get(`/meetings/${slug}/calendar.ics`, { headers: { 'if-none-match': etag } });
	expect(notModified.status()).toBe(304);
	expect(await notModified.text()).toBe('');

	const events = parseIcs(text);
	expect(events).toHaveLength(3);
	const meeting = events.find((e) => e.allDay)!;
	expect(meeting.summary).toBe(`${code}: Calendar test ${code}`);
	expect(meeting.startDate).toBe('2031-06-10');
	expect(meeting.endDate).toBe('2031-06-13'); // exclusive: the day after the last day
	const opening = events.find((e) => e.summary === `${code}: Opening plenary`)!;
	expect(opening.start).toBe('2031-06-10T08:00:00.000Z'); // 10:00 CEST
	expect(opening.end).toBe('2031-06-10T11:00:00.000Z');
	// Written on the venue's clock, with the VTIMEZONE that RFC 5545 requires for the TZID.
	expect(opening.tzid).toBe('Europe/Zurich');
	expect(text).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Zurich/);
	expect(text).toContain('DTSTART;TZID=Europe/Zurich:20310610T100000');
	expect(opening.location).toContain('Room XIX');
	expect(opening.description).toContain('1 Opening of the meeting');
	expect(opening.description).toContain('2 Adoption of the agenda');
	const afternoon = events.find((e) => e.summary === `${code}: Afternoon plenary`)!;
	expect(afternoon.start).toBe('2031-06-10T13:00:00.000Z'); // 15:00 CEST
	expect(afternoon.end).toBe('2031-06-10T16:00:00.000Z');
	expect(new Set(events.map((e) => e.uid)).size).toBe(3);

	// Downloaded again: the same text, the same UIDs.
	const again = await request.get(`/meetings/${slug}/calendar.ics`);
	expect(again.headers()['etag']).toBe(etag);
	expect(parseIcs(await again.text()).map((e) => e.uid)).toEqual(events.map((e) => e.uid));

	// Staff move the afternoon session to another room: same UIDs, a higher SEQUENCE, a new ETag.
	await visit(page, `/admin/meetings/${slug}/programme`);
	await page.getByRole('listitem').filter({ hasText: 'Afternoon plenary' }).getByRole('link', { name: /Edit/ }).click();
	const edit = page.locator('form[action*="?/edit"]');
	await edit.getByLabel('Room').fill('Room XX');
	await edit.getByRole('button', { name: 'Save session' }).click();
	await expect(page.getByText('Session saved.')).toBeVisible();
	const changed = await request.get(`/meetings/${slug}/calendar.ics`, { headers: { 'if-none-match': etag } });
	expect(changed.status()).toBe(200);
	expect(changed.headers()['etag']).not.toBe(etag);
	const after = parseIcs(await changed.text());
	expect(after.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
	const moved = after.find((e) => e.uid === afternoon.uid)!;
	expect(moved.location).toContain('Room XX');
	expect(moved.sequence).toBeGreaterThan(afternoon.sequence);
	expect(moved.start).toBe(afternoon.start);

	// The per-session .ics from the programme page: one event, same UID and time as in the feed.
	const visitorPage = await page.context().browser()!.newPage({ extraHTTPHeaders: clientAddress() });
	await visitorPage.goto(`/meetings/${slug}/programme`);
	const href = await visitorPage.getByRole('link', { name: '.ics file for Opening plenary' }).getAttribute('href');
	await visitorPage.close();
	const one = await request.get(href!);
	expect(one.status()).toBe(200);
	expect(one.headers()['content-type']).toMatch(/^text\/calendar/);
	expect(one.headers()['etag']).toBeTruthy();
	const single = parseIcs(await one.text());
	expect(single).toHaveLength(1);
	expect(single[0].uid).toBe(opening.uid);
	expect(single[0].start).toBe('2031-06-10T08:00:00.000Z');
	expect(single[0].end).toBe('2031-06-10T11:00:00.000Z');

	// An id that is not a session of this meeting is not found.
	expect((await request.get(`/meetings/${slug}/sessions/999999/calendar.ics`)).status()).toBe(404);

	// The calendar of all meetings has the meeting and its sessions, with the same UIDs.
	const all = await request.get('/calendar.ics');
	expect(all.status()).toBe(200);
	const allUids = new Set(parseIcs(await all.text()).map((e) => e.uid));
	for (const e of after) expect(allUids.has(e.uid), e.summary).toBe(true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('bad dates get a message at the field and keep the input', async ({ page }) => {
		const code = uniqueCode();
		await logIn(page, staff.email, staff.password);
		await page.goto('/admin/meetings/new');
		await fillMeetingForm(page, { code, title: `Backwards ${code}`, ...GENEVA, firstDay: '2031-06-12', lastDay: '2031-06-10' });
		await page.locator('form.meeting-form').evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByRole('button', { name: 'Create the meeting' }).click();
		await expect(page.getByRole('alert')).toContainText('Nothing was saved');
		await expect(page.getByLabel('Last day')).toHaveAccessibleDescription(/The end date cannot be before the start date/);
		await expect(page.getByLabel('Last day')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('First day')).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Title')).toHaveValue(`Backwards ${code}`);
		await expect(page.getByLabel('Code')).toHaveValue(code);
		await expect(page.getByLabel('Last day')).toHaveValue('2031-06-10');
		await expect(page.getByLabel('Kind')).toHaveValue('msp');

		// Put right, the meeting is created.
		await page.getByLabel('Last day').fill('2031-06-12');
		await page.getByLabel('First day').fill('2031-06-10');
		await page.getByRole('button', { name: 'Create the meeting' }).click();
		await expect(page.getByText('Meeting created as a draft.')).toBeVisible();
		const slug = code.toLowerCase();

		// A session ending before it starts.
		await page.goto(`/admin/meetings/${slug}/programme`);
		await fillSessionForm(page, { title: 'Backwards session', starts: '2031-06-10T15:00', ends: '2031-06-10T13:00', room: 'Room XIX' });
		await page.getByRole('button', { name: 'Add session' }).click();
		const form = page.locator('form[action="?/add"]');
		await expect(form.getByLabel(/^Ends/)).toHaveAccessibleDescription('The end must be after the start.');
		await expect(form.getByLabel(/^Starts/)).not.toHaveAttribute('aria-invalid', 'true');
		await expect(form.getByLabel('Title')).toHaveValue('Backwards session');
		await expect(form.getByLabel(/^Starts/)).toHaveValue('2031-06-10T15:00');
		await expect(form.getByLabel('Room')).toHaveValue('Room XIX');
		await expect(page.getByText('No sessions yet.')).toBeVisible();

		// A session after the meeting's last day.
		await fillSessionForm(page, { title: 'Too late', starts: '2031-06-13T10:00', ends: '2031-06-13T13:00' });
		await page.getByRole('button', { name: 'Add session' }).click();
		await expect(form.getByLabel(/^Starts/)).toHaveAccessibleDescription('The meeting ends on 2031-06-12: a session cannot start after.');
		await expect(form.getByLabel(/^Ends/)).toHaveAccessibleDescription('The meeting ends on 2031-06-12: a session cannot end after that day.');
		await expect(form.getByLabel('Title')).toHaveValue('Too late');

		// A session before the first day.
		await fillSessionForm(page, { title: 'Too early', starts: '2031-06-09T10:00', ends: '2031-06-09T13:00' });
		await page.getByRole('button', { name: 'Add session' }).click();
		await expect(form.getByLabel(/^Starts/)).toHaveAccessibleDescription('The meeting starts on 2031-06-10: a session cannot start before.');

		// A session running past midnight after the last day.
		await fillSessionForm(page, { title: 'Overrun', starts: '2031-06-12T20:00', ends: '2031-06-13T01:00' });
		await page.getByRole('button', { name: 'Add session' }).click();
		await expect(form.getByLabel(/^Ends/)).toHaveAccessibleDescription('The meeting ends on 2031-06-12: a session cannot end after that day.');
		await expect(form.getByLabel(/^Starts/)).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('No sessions yet.')).toBeVisible();
	});
});

test('two sessions in the same room at overlapping times are flagged as a room clash', async ({ page }) => {
	const code = uniqueCode();
	await logInAs(page, staff.email, staff.password);
	const slug = await createMeeting(page, { code, title: `Clash test ${code}`, ...GENEVA });
	await addSession(page, slug, { title: 'Morning plenary', starts: '2031-06-11T10:00', ends: '2031-06-11T13:00', room: 'Room XIX' });
	await addSession(page, slug, { title: 'Side event', starts: '2031-06-11T12:30', ends: '2031-06-11T14:00', room: 'room xix' });
	await addSession(page, slug, { title: 'Working group', starts: '2031-06-11T10:00', ends: '2031-06-11T13:00', room: 'Room XX' });

	const card = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
	await expect(page.getByText('Room clash')).toHaveCount(2);
	await expect(card('Morning plenary').getByRole('note')).toHaveText('Room clash: overlaps Side event in the same room.');
	await expect(card('Side event').getByRole('note')).toHaveText('Room clash: overlaps Morning plenary in the same room.');
	await expect(card('Working group').getByRole('note')).toHaveCount(0);

	// Moving the side event after the plenary clears the flag.
	await card('Side event').getByRole('link', { name: /Edit/ }).click();
	const edit = page.locator('form[action*="?/edit"]');
	await edit.getByLabel(/^Starts/).fill('2031-06-11T13:00');
	await edit.getByRole('button', { name: 'Save session' }).click();
	await expect(page.getByText('Session saved.')).toBeVisible();
	await expect(page.getByText('Room clash')).toHaveCount(0);
});

for (const path of ['/meetings', '/meetings/9msp', '/meetings/9msp/agenda', '/meetings/9msp/programme']) {
	test(`axe finds no serious or critical violations on ${path}`, async ({ page }) => {
		const res = await page.goto(path);
		expect(res?.status()).toBe(200);
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
	});
}

test('only staff reach the new-meeting form', async ({ page, browser }) => {
	// Anonymous: sent to log in, and back here afterwards.
	await page.goto('/admin/meetings/new');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fmeetings%2Fnew$/);
	await expect(page.getByLabel('E-mail address')).toBeVisible();

	// A delegate: not allowed, and posting the form directly creates nothing.
	const email = uniqueEmail('meeting-delegate');
	await visit(page, '/signup');
	await page.getByLabel('Given name').fill('Plain');
	await page.getByLabel('Family name').fill('Delegate');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('plain delegate pw');
	await page.getByLabel('Repeat the password').fill('plain delegate pw');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	const links = await mailLinks(browser, staff, email);
	await page.goto(links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await expect(page.getByRole('heading', { name: 'E-mail confirmed' })).toBeVisible();
	await logInAs(page, email, 'plain delegate pw');
	const res = await page.goto('/admin/meetings/new');
	expect(res?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
	await expect(page.getByLabel('Code')).toHaveCount(0);

	const code = uniqueCode();
	const baseURL = test.info().project.use.baseURL!;
	const post = await page.request.post('/admin/meetings/new', {
		headers: { origin: baseURL },
		form: { code, title: 'Sneaky', kind: 'msp', start_date: '2031-06-10', end_date: '2031-06-12', time_zone: 'Europe/Zurich' }
	});
	expect(post.status()).toBe(403);
	expect(await post.text()).toContain('You do not have access'); // the staff check, not the cross-site check
	expect((await page.request.get(`/meetings/${code.toLowerCase()}`)).status()).toBe(404);
	// Staff would see even a draft: the delegate's post really created nothing.
	const staffCtx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const staffPage = await staffCtx.newPage();
	await logInAs(staffPage, staff.email, staff.password);
	expect((await staffPage.goto(`/admin/meetings/${code.toLowerCase()}`))?.status()).toBe(404);
	await staffCtx.close();
});
