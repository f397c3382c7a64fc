import { describe, expect, it } from 'vitest';
import { nextStep, type NextStepFacts } from './own-space';

const base: NextStepFacts = { status: 'pending', confirmed: true, sponsorship: null, offerDeadline: null, waitPosition: null, meetingOver: false };

describe('nextStep', () => {
	it('asks for the one thing that is up to the person, most urgent first', () => {
		expect(nextStep(base)?.text).toMatch(/Wait for the ISU’s approval/);
		expect(nextStep({ ...base, status: 'waitlisted', waitPosition: 3 })?.text).toMatch(/number 3 on the waiting list/);
		expect(nextStep({ ...base, status: 'approved' })).toMatchObject({ where: 'badge' });
		expect(nextStep({ ...base, confirmed: false })).toMatchObject({ text: 'Check and confirm your details', where: 'registration' });
		expect(nextStep({ ...base, status: 'approved', sponsorship: 'offered' })).toMatchObject({ text: 'Answer the sponsorship offer', where: 'sponsorship' });
		expect(nextStep({ ...base, sponsorship: 'draft' })).toMatchObject({ where: 'sponsorship' });
	});
	it('asks nothing of a cancelled or refused registration, or after the meeting', () => {
		expect(nextStep({ ...base, status: 'cancelled' })).toBeNull();
		expect(nextStep({ ...base, status: 'rejected' })).toBeNull();
		expect(nextStep({ ...base, status: 'approved', meetingOver: true })).toBeNull();
	});
});
