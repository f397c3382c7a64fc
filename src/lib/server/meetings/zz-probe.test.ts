import { it } from 'vitest';
import { buildMeetingCalendar } from './calendar';
it('prints', () => {
	const s = (id: number, a: string, b: string) => ({ id, title: 'Plenary, morning; part 1', startsAt: a, endsAt: b, room: 'Room XIX', chair: 'H.E. Ms A', agendaItems: ['8 (a) Universalization', '8 (b) Stockpile destruction and retention'], updatedAt: '2019-08-01T10:00:00Z', sequence: 2, url: 'https://x.org/meetings/9msp/sessions/' + id });
	console.log(buildMeetingCalendar([{ slug: '9msp', code: '9MSP', title: 'Ninth Meeting of States Parties', startDate: '2019-09-02', endDate: '2019-09-04', timeZone: 'Europe/Zurich', venue: 'Palais des Nations', city: 'Geneva', country: 'Switzerland', updatedAt: '2019-07-01T00:00:00Z', sequence: 1, url: 'https://x.org/meetings/9msp', sessions: [s(1, '2019-09-02T08:00:00Z', '2019-09-02T10:00:00Z'), s(2, '2019-10-27T00:30:00Z', '2019-10-27T03:00:00Z')] }], { name: 'CCM', host: 'ccm-meetings' }));
});
