import { z } from 'zod';
import { multilineText, text } from '../forms';

/** Asked only for the letter and kept only with it. 64 characters: the longest machine-readable passport name is 39. */
export const visaLetterSchema = z.object({
	passport_name: text('Your name as in the passport', 64),
	nationality: text('Nationality', 64),
	passport_number: text('Passport number', 64)
});
export type VisaLetterForm = z.output<typeof visaLetterSchema>;

export const visaDecisionSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('approve'), letter_id: z.coerce.number().int().positive() }),
	z.object({ decision: z.literal('refuse'), letter_id: z.coerce.number().int().positive(), reason: multilineText('A reason', 1000) })
]);

export const VISA_STATUS_LABELS = {
	requested: 'Requested, waiting for the ISU’s approval',
	issued: 'Issued',
	refused: 'Refused'
} as const;

export const VISA_REFUSALS = {
	notApproved: 'A letter of invitation is issued only for an approved registration. This one is not approved (yet).',
	meetingOver: 'The meeting is over: no letter of invitation can be issued for it any more.',
	notWaiting: 'This letter is no longer waiting for a decision (it was decided or replaced meanwhile).'
} as const;
