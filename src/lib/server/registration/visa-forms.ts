import { z } from 'zod';
import { multilineText, text } from '../forms';
import { m } from '$lib/paraglide/messages';
import { localized } from './rules';

/** Asked only for the letter and kept only with it. 64 characters: the longest machine-readable passport name is 39. */
export const visaLetterSchema = z.object({
	passport_name: text('Your name as in the passport', 64),
	nationality: text('Nationality', 64),
	passport_number: text('Passport number', 64)
});
export type VisaLetterForm = z.output<typeof visaLetterSchema>;

export const visaDecisionSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('approve'), letter_id: z.coerce.number().int().positive() }),
	z.object({ decision: z.literal('refuse'), letter_id: z.coerce.number().int().positive(), reason: multilineText(m.mtg_spon_a_reason, 1000) })
]);

export const VISA_STATUS_LABELS = localized({
	requested: m.del_visa_status_requested,
	issued: m.del_visa_status_issued,
	refused: m.del_visa_status_refused
});

export const VISA_REFUSALS = localized({
	notApproved: m.del_visa_refuse_not_approved,
	meetingOver: m.del_visa_refuse_meeting_over,
	notWaiting: m.del_visa_refuse_not_waiting
});
