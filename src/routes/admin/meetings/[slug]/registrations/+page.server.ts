import { z } from 'zod';
import {
	DELEGATION_ROLES,
	decisionSchema,
	formToken,
	personSchema,
	registerFailure,
	genderOptions,
	roleOptions,
	listRegistrations,
	decide,
	isLive,
	register
} from '$lib/server/registration';
import { generateToken } from '$lib/server/auth';
import { releaseOnCancel, reofferAfterCancel } from '$lib/server/sponsorship';
import { organizationOptionsAsAt, organizationRegions } from '$lib/server/organizations';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { m } from '$lib/paraglide/messages';
import { registrationStatuses } from '../labels';
import type { Actions, PageServerLoad } from './$types';

const filterSchema = z.object({
	status: z.enum(['pending', 'approved', 'waitlisted', 'rejected', 'cancelled']).optional().catch(undefined),
	organizationId: z.coerce.number().int().positive().optional().catch(undefined),
	region: z.string().max(50).optional().catch(undefined),
	role: z.enum(DELEGATION_ROLES).optional().catch(undefined),
	ccmStatus: z.enum(['state_party', 'signatory', 'not_party', 'io', 'ngo']).optional().catch(undefined),
	q: z.string().max(200).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const filter = filterSchema.parse(Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')));
	const [rows, organizations, regions] = await Promise.all([
		listRegistrations(meeting.id, filter),
		organizationOptionsAsAt(meeting.start_date),
		organizationRegions()
	]);
	return {
		meeting: {
			slug: meeting.slug,
			code: meeting.code,
			title: meeting.title,
			capacity: meeting.capacity,
			places_held: meeting.places_held,
			participants_list: meeting.participants_list
		},
		filter,
		query: event.url.search,
		rows: rows.map((r) => ({
			id: r.id,
			name: r.erased_at ? null : [r.title, r.given_name, r.family_name].filter(Boolean).join(' '),
			email: r.email,
			organization: r.organization,
			region: r.region,
			category: r.category,
			role: r.role,
			status: r.status,
			unconfirmed: r.unconfirmed_since !== null && isLive(r.status),
			attended: !!r.attended_at
		})),
		organizations,
		regions,
		roles: roleOptions,
		genders: genderOptions,
		formToken: generateToken()
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(decisionSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'decide' });
		const d = parsed.data.decision === 'approve' ? { action: 'approve' as const } : { action: 'reject' as const, reason: parsed.data.reason };
		const origin = event.url.origin;
		const result = await decide({ id: actor.id, email: actor.email }, meeting.id, parsed.data.ids, d, origin, releaseOnCancel(origin, 'rejected'));
		// A rejection frees sponsorship money as a cancellation does: it goes to the next in line once offers have begun.
		if (d.action === 'reject' && result.done.length) await reofferAfterCancel(meeting, origin);
		const count = result.done.length;
		const verb = d.action === 'approve' ? m.mtg_reg_approved_done({ count }) : m.mtg_reg_rejected_done({ count });
		const skipped = result.skipped.length ? m.mtg_reg_skipped({ count: result.skipped.length }) : '';
		return { form: 'decide', done: `${verb}${skipped}${m.mtg_reg_mailed()}` };
	},
	register: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(personSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'register' });
		const result = await register(parsed.data, {
			meetingId: meeting.id,
			userId: null,
			createdBy: actor.id,
			byStaff: true,
			formToken: formToken(fd),
			origin: event.url.origin,
			actor: { id: actor.id, email: actor.email }
		});
		if (result.ok)
			return {
				form: 'register',
				done: m.mtg_reg_registered({
					name: `${parsed.data.given_name} ${parsed.data.family_name}`,
					status: registrationStatuses[result.registration.status]().toLocaleLowerCase()
				})
			};
		const failure = registerFailure(result);
		return invalid(formValues(fd), failure.errors, { form: 'register', message: failure.message });
	}
};
