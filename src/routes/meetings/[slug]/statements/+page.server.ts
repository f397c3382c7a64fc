import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { formValues, invalid } from '$lib/server/forms';
import { publicMeeting } from '$lib/server/web/access';
import { m } from '$lib/paraglide/messages';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import { languagesOf, LANGUAGES, publishedStatements, speakingFor, statementsUploadedBy, uploadStatement } from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { meeting } = await parent();
	const [statements, agenda, org, mine] = await Promise.all([
		publishedStatements(meeting.id),
		listAgenda(meeting.id),
		locals.user ? speakingFor(meeting.id, locals.user) : undefined,
		locals.user ? statementsUploadedBy(meeting.id, locals.user.id) : []
	]);
	const langs = await languagesOf(statements.map((s) => s.id));
	const byDelegation = new Map<string, { id: number; symbol: string; item: string; status: string; languages: string[] }[]>();
	for (const s of statements) {
		const item = s.number ? `${formatAgendaNumber(s.number, s.sub_number)}. ${s.item_title}` : '';
		byDelegation.set(s.organization, [
			...(byDelegation.get(s.organization) ?? []),
			{ id: s.id, symbol: s.symbol, item, status: s.status, languages: langs.get(s.id) ?? [] }
		]);
	}
	return {
		delegations: [...byDelegation].map(([name, list]) => ({ name, list })),
		canUpload: !!org,
		org: org ? { name: org.name } : null,
		mine,
		agenda: agenda.map((a) => ({ value: a.id, label: `${formatAgendaNumber(a.number, a.sub_number)}. ${a.title.slice(0, 80)}` })),
		languages: Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const meeting = await publicMeeting(event);
		const org = await speakingFor(meeting.id, user);
		if (!org) return fail(403, { message: m.pub_statements_refused() });
		const fd = await event.request.formData();
		const result = await uploadStatement({ id: user.id, email: user.email }, meeting, org, {
			agenda_item_id: Number(fd.get('agenda_item_id')) || 0,
			language: String(fd.get('language') ?? ''),
			file: fd.get('file')
		});
		if (!result.ok) return invalid(formValues(fd), result.errors);
		return { done: m.pub_statements_received({ symbol: result.symbol }) };
	}
};
