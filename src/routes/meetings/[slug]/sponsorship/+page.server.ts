import { fail } from '@sveltejs/kit';
import { chfDecimal } from '$lib/money';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guards';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { publicMeeting } from '$lib/server/web/access';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import {
	applicationSchema,
	applicationWindowNow,
	getApplicationByRegistration,
	maxNights,
	saveApplication,
	getProgramme,
	offerLapsed,
	releaseApplication,
	respondToOffer,
	formatChf,
	latestApplicationOf
} from '$lib/server/sponsorship';
import { findLive } from '$lib/server/registration';
import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's own live registration for this meeting: applications hang on it. */
async function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const meeting = await publicMeeting(event);
	const live = await findLive(meeting.id, user.email, user.id);
	// Only what the page needs: the row also holds the badge token and contact details.
	const reg = live ? { id: live.id, status: live.status } : undefined;
	return { user, meeting, reg, actor: { id: user.id, email: user.email } };
}

/** The offer's money line by line, in the page's language (the offer mail has its own lines). */
function costLines(c: { airfare: number; dsa: number; nights: number; total: number }): string[] {
	return [
		m.del_sp_line_airfare({ amount: formatChf(c.airfare) }),
		(c.nights === 1 ? m.del_sp_line_dsa_one : m.del_sp_line_dsa_other)({ dsa: formatChf(c.dsa), nights: c.nights, amount: formatChf(c.dsa * c.nights) }),
		m.del_sp_line_total({ amount: formatChf(c.total) })
	];
}

export const load: PageServerLoad = async (event) => {
	const { meeting, reg, user } = await mine(event);
	// Without a live registration (cancelled, say) the person still sees what became of their application.
	const [programme, app, agenda] = await Promise.all([
		getProgramme(meeting.id),
		reg ? getApplicationByRegistration(reg.id) : latestApplicationOf(meeting.id, user.id),
		listAgenda(meeting.id)
	]);
	const window = applicationWindowNow(meeting, programme);
	return {
		registration: reg ?? null,
		deadline: window.deadline,
		open: window.open,
		opensAt: window.opensAt,
		hasProgramme: !!programme,
		maxNights: maxNights(meeting),
		defaultNights: programme?.default_nights ?? 4,
		agenda: agenda.map((a) => ({ value: formatAgendaNumber(a.number, a.sub_number), label: `${formatAgendaNumber(a.number, a.sub_number)} ${a.title}` })),
		application: app
			? {
					id: app.id,
					// Reads only: past its deadline an offer shows as expired before the scheduler's job writes it.
					status: offerLapsed(app) ? ('expired' as const) : app.status,
					endorsement: app.endorsement,
					cost: app.cost_centimes ? formatChf(app.cost_centimes) : null,
					costLines:
						app.cost_centimes && programme
							? costLines({ airfare: app.airfare_centimes ?? 0, dsa: programme.dsa_centimes, nights: app.nights ?? 0, total: app.cost_centimes })
							: [],
					nextSteps: m.del_sp_next_steps(),
					endorsementNote: app.endorsement_note,
					history: [
						{ what: m.del_sp_history_submitted() as string, at: app.submitted_at },
						{ what: m.del_sp_history_endorsed(), at: app.endorsed_at },
						{ what: m.del_sp_history_offer_sent(), at: app.offer_sent_at },
						{ what: m.del_sp_history_answered(), at: app.responded_at }
					].filter((h): h is { what: string; at: string } => !!h.at),
					offer_deadline: app.offer_deadline,
					values: {
						departure_city: app.departure_city ?? '',
						airfare: app.airfare_centimes ? chfDecimal(app.airfare_centimes) : '',
						nights: String(app.nights ?? ''),
						justification: app.justification ?? '',
						statement: app.statement ? 'on' : '',
						statement_items: app.statement_items ? (JSON.parse(app.statement_items) as string[]).join(',') : '',
						implementation_responsibility: app.implementation_responsibility ? 'on' : ''
					}
				}
			: null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { meeting, reg, actor } = await mine(event);
		const fd = await event.request.formData();
		if (!reg) return fail(400, { message: m.del_sp_register_first() });
		const parsed = parseForm(applicationSchema(maxNights(meeting)), fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await saveApplication(actor, meeting, reg.id, parsed.data, event.url.origin);
		if (!result.ok) return invalid(formValues(fd), result.errors, { message: result.message });
		return {
			done: result.application.status === 'submitted' ? m.del_sp_submitted_done() : m.del_sp_draft_saved()
		};
	},
	respond: async (event) => {
		const { meeting, reg, actor } = await mine(event);
		const answer = z.enum(['accept', 'decline']).safeParse((await event.request.formData()).get('answer'));
		const app = reg ? await getApplicationByRegistration(reg.id) : undefined;
		if (!app || !answer.success) return fail(400, { message: m.del_sp_no_offer() });
		const r = await respondToOffer(actor, meeting, app.id, answer.data === 'accept', event.url.origin);
		if (r === 'late') return fail(400, { message: m.del_sp_offer_lapsed() });
		if (r === 'no_offer') return fail(400, { message: m.del_sp_no_open_offer() });
		return {
			done: answer.data === 'accept' ? m.del_sp_accepted_done() : m.del_sp_declined_done()
		};
	},
	withdraw: async (event) => {
		const { meeting, reg, actor } = await mine(event);
		const app = reg ? await getApplicationByRegistration(reg.id) : undefined;
		if (!app || !(await releaseApplication(actor, meeting.id, app.id, 'withdrawn'))) return fail(400, { message: m.del_sp_cannot_withdraw() });
		return { done: m.del_sp_withdrawn_done() };
	}
};
