import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { DELEGATION_ROLES } from '$lib/server/db/schema';
import { generateToken } from '$lib/server/auth/token';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { listOrganizationOptions } from '$lib/server/organizations/queries';
import { decisionSchema, formToken, personSchema, registerFailure } from '$lib/server/registration/forms';
import { genderOptions, roleOptions } from '$lib/server/registration/options';
import { listRegistrations } from '$lib/server/registration/queries';
import { ROLE_LABELS, STATUS_LABELS } from '$lib/server/registration/rules';
import { decide, register } from '$lib/server/registration/store';
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
	const db = getDb();
	const [rows, organizations, regions] = await Promise.all([
		listRegistrations(db, meeting.id, filter),
		listOrganizationOptions(db),
		db.selectFrom('organizations').select('region').distinct().where('region', 'is not', null).orderBy('region').execute()
	]);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, capacity: meeting.capacity, places_held: meeting.places_held },
		filter,
		query: event.url.search,
		rows: rows.map((r) => ({
			id: r.id,
			name: r.erased_at ? '(erased)' : [r.title, r.given_name, r.family_name].filter(Boolean).join(' '),
			email: r.email,
			organization: r.organization,
			region: r.region,
			role: ROLE_LABELS[r.role],
			status: r.status,
			statusLabel: STATUS_LABELS[r.status],
			attended: !!r.attended_at
		})),
		organizations,
		regions: regions.map((r) => r.region as string),
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
		const result = await decide(getDb(), { id: actor.id, email: actor.email }, meeting.id, parsed.data.ids, d, event.url.origin);
		const verb = d.action === 'approve' ? 'Approved' : 'Rejected';
		const skipped = result.skipped.length ? ` ${result.skipped.length} left as they were (only pending registrations holding a place can be approved).` : '';
		return { form: 'decide', done: `${verb} ${result.done.length}.${skipped} Each person was e-mailed.` };
	},
	register: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(personSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'register' });
		const result = await register(getDb(), parsed.data, {
			meetingId: meeting.id,
			userId: null,
			createdBy: actor.id,
			byStaff: true,
			formToken: formToken(fd),
			origin: event.url.origin,
			actor: { id: actor.id, email: actor.email }
		});
		if (result.ok) return { form: 'register', done: `Registered ${parsed.data.given_name} ${parsed.data.family_name} (${STATUS_LABELS[result.registration.status].toLowerCase()}).` };
		const failure = registerFailure(result);
		return invalid(formValues(fd), failure.errors, { form: 'register', message: failure.message });
	}
};
