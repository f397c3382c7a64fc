import type { Meeting } from '../db';
import { utcToLocalInput } from './zoned-time';

/** A stored meeting as the edit form shows it: instants back on the venue's wall clock. */
export function meetingFormValues(m: Meeting): Record<string, string> {
	const local = (iso: string | null) => (iso ? utcToLocalInput(iso, m.time_zone) : '');
	return {
		code: m.code,
		slug: m.slug,
		title: m.title,
		title_fr: m.title_fr ?? '',
		title_es: m.title_es ?? '',
		kind: m.kind,
		description: m.description ?? '',
		start_date: m.start_date,
		end_date: m.end_date,
		time_zone: m.time_zone,
		venue: m.venue ?? '',
		city: m.city ?? '',
		country: m.country ?? '',
		registration_opens: local(m.registration_opens_at),
		registration_closes: local(m.registration_closes_at),
		capacity: m.capacity === null ? '' : String(m.capacity),
		delegation_cap: m.delegation_cap === null ? '' : String(m.delegation_cap),
		participants_list: m.participants_list,
		sponsorship_deadline: local(m.sponsorship_deadline),
		symbol_prefix: m.symbol_prefix ?? ''
	};
}
