import { fail } from '@sveltejs/kit';
import { chfDecimal } from '$lib/money';
import { z } from 'zod';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import {
	applicationWindow,
	programmeSchema,
	earlySchema,
	endorseSchema,
	adjustSchema,
	applicationWindowNow,
	adjustScore,
	review,
	saveProgramme,
	sendOffersChecked,
	endorseForState,
	awaitingIsuEndorsement,
	rankingView,
	STAFF_SCORE_ID
} from '$lib/server/sponsorship';
import { utcToLocalInput } from '$lib/server/meetings';
import { formatInZone } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const filterSchema = z.object({
	region: z.string().max(50).optional().catch(undefined),
	status: z.enum(['submitted', 'offered', 'accepted', 'declined', 'expired', 'withdrawn']).optional().catch(undefined),
	gender: z.string().max(20).optional().catch(undefined),
	obligations: z.enum(['yes', 'no']).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	// Reads only: an offer past its deadline shows as expired; the scheduler's job lapses it and offers the money on.
	const [r, awaiting] = await Promise.all([review(meeting), awaitingIsuEndorsement(meeting.id)]);
	const filter = filterSchema.parse(Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')));
	const p = r.programme;
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, sponsorship_deadline: meeting.sponsorship_deadline, time_zone: meeting.time_zone },
		settings: {
			budget: p ? chfDecimal(p.budget_centimes) : '',
			dsa: p ? chfDecimal(p.dsa_centimes) : '',
			default_nights: String(p?.default_nights ?? 4),
			places_per_state: p?.places_per_state ? String(p.places_per_state) : '1',
			offer_response_days: String(p?.offer_response_days ?? 7),
			opens: p?.opens_at ? utcToLocalInput(p.opens_at, meeting.time_zone) : '',
			closes: p?.closes_at ? utcToLocalInput(p.closes_at, meeting.time_zone) : ''
		},
		deadline: meeting.sponsorship_deadline ? formatInZone(meeting.sponsorship_deadline, meeting.time_zone) : null,
		hasProgramme: !!p,
		awaiting: awaiting.map((a) => ({ id: a.id, name: [a.given_name, a.family_name].filter(Boolean).join(' '), state: a.state })),
		closed: applicationWindowNow(meeting, p ?? undefined).closed,
		view: rankingView(r, filter),
		filter
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(programmeSchema(meeting.time_zone), fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'settings' });
		const window = applicationWindow(parsed.data, meeting.time_zone);
		if (!window.ok) return invalid(formValues(fd), window.errors, { form: 'settings' });
		const saved = await saveProgramme({ id: actor.id, email: actor.email }, meeting.id, {
			budget_centimes: parsed.data.budget,
			dsa_centimes: parsed.data.dsa,
			default_nights: parsed.data.default_nights,
			places_per_state: parsed.data.places_per_state,
			offer_response_days: parsed.data.offer_response_days,
			opens_at: window.opens_at,
			closes_at: window.closes_at
		});
		if (!saved.ok) return invalid(formValues(fd), saved.errors, { form: 'settings' });
		const now = applicationWindowNow(meeting, window);
		const opens = now.opensAt ? m.mtg_spon_opens_at({ when: formatInZone(now.opensAt, meeting.time_zone) }) : m.mtg_spon_open_now();
		const until = now.deadline ? m.mtg_spon_until({ when: formatInZone(now.deadline, meeting.time_zone) }) : m.mtg_spon_no_close();
		return { form: 'settings', done: `${m.mtg_spon_saved()}${opens}${until}` };
	},
	adjust: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(adjustSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: `adjust-${fd.get('application_id')}` });
		const r = await review(meeting);
		const criterion = r.criteria.criteria.find((c) => c.id === parsed.data.criterion_id);
		const row = r.rows.find((x) => x.applicationId === parsed.data.application_id);
		const form = `adjust-${parsed.data.application_id}`;
		if (!row) return fail(404, { form, message: m.mtg_spon_no_application() });
		if (!criterion) return invalid(formValues(fd), { criterion_id: m.mtg_spon_criterion_in_force() }, { form });
		if (parsed.data.points > criterion.weight)
			return invalid(formValues(fd), { points: m.mtg_spon_at_most({ weight: criterion.weight, label: criterion.label }) }, { form });
		// The staff criterion is stored under its own id like any other adjustment.
		await adjustScore(
			{ id: actor.id, email: actor.email },
			row.applicationId,
			criterion.kind === 'staff_score' ? STAFF_SCORE_ID : criterion.id,
			parsed.data.points,
			parsed.data.reason
		);
		return { form, done: m.mtg_spon_adjusted({ name: row.name }) };
	},
	endorse: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const form = `endorse-${fd.get('application_id')}`;
		const parsed = parseForm(endorseSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form });
		const result = await endorseForState(
			{ id: actor.id, email: actor.email, role: actor.role },
			meeting.id,
			parsed.data.application_id,
			parsed.data.decision === 'endorse',
			parsed.data.reason,
			event.url.origin
		);
		if (!result.ok) return invalid(formValues(fd), {}, { form, message: result.message });
		return {
			form,
			done: parsed.data.decision === 'endorse' ? m.mtg_spon_endorsed() : m.mtg_spon_not_endorsed()
		};
	},
	offers: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const early = earlySchema.parse({ early: fd.get('early') ?? undefined, reason: fd.get('reason') ?? '' });
		const result = await sendOffersChecked({ id: actor.id, email: actor.email }, meeting, event.url.origin, {
			confirmed: early.early === 'yes',
			reason: early.reason
		});
		if (!result.ok) return invalid(formValues(fd), result.errors, { form: 'offers', message: result.message });
		const sent = result.sent;
		return {
			form: 'offers',
			done: sent.length ? (sent.length === 1 ? m.mtg_spon_offers_one : m.mtg_spon_offers_other)({ count: sent.length }) : m.mtg_spon_no_offers()
		};
	}
};
