import { describe, expect, it } from 'vitest';
import { deadlineAsAt, entryIntoForceAfter, factsAsAt, happenedBy, leastDevelopedAsAt, statusAsAt, victimsAsAt } from './as-at';
import { factEntry as fact } from '../../../../tests/fixtures/state-facts';

const lithuania = [
	fact({ kind: 'status', event: 'deposit', on_date: '2011-03-24' }),
	fact({ kind: 'status', event: 'withdrawal_notified', on_date: '2024-09-06' }),
	fact({ kind: 'status', event: 'withdrawal_effective', on_date: '2025-03-06' })
];
const nigeria = [
	fact({ kind: 'status', event: 'signature', on_date: '2009-06-12' }),
	fact({ kind: 'status', event: 'ratification', on_date: '2023-02-28' }),
	fact({ kind: 'status', event: 'entry_into_force', on_date: '2023-08-01' })
];

describe('status as at a day', () => {
	it('a withdrawal takes effect on its day, and the state is a party (withdrawal pending) the day before', () => {
		expect(statusAsAt(lithuania, '2019-09-02')).toMatchObject({ status: 'state_party', inForceFrom: '2011-09-01', withdrawalEffective: '2025-03-06' });
		expect(statusAsAt(lithuania, '2025-03-05').status).toBe('state_party');
		expect(statusAsAt(lithuania, '2025-03-06')).toMatchObject({ status: 'not_party', basis: { what: 'withdrawal took effect', date: '2025-03-06' } });
		expect(statusAsAt(lithuania, '2027-09-01').status).toBe('not_party');
	});
	it('signatory from signature, party from the deposit, in force from the day of entry into force', () => {
		expect(statusAsAt(nigeria, '2009-06-11').status).toBe('not_party');
		expect(statusAsAt(nigeria, '2009-06-12').status).toBe('signatory');
		expect(statusAsAt(nigeria, '2023-02-27').status).toBe('signatory');
		expect(statusAsAt(nigeria, '2023-02-28')).toMatchObject({
			status: 'state_party',
			inForceFrom: '2023-08-01',
			basis: { what: 'ratified', date: '2023-02-28', source: 'test source' }
		});
	});
	it('entry into force by Article 17 when the sources give only the deposit', () => {
		expect(entryIntoForceAfter('2019-09-27')).toBe('2020-03-01'); // Maldives, as its Monitor profile says
		expect(entryIntoForceAfter('2020-01-27')).toBe('2020-07-01'); // Sao Tome and Principe
		expect(entryIntoForceAfter('2011-03-24')).toBe('2011-09-01'); // Lithuania
		expect(entryIntoForceAfter('2008-12-03')).toBe('2010-08-01'); // before the Convention itself was in force
		expect(entryIntoForceAfter('2025-09-05')).toBe('2026-03-01'); // Vanuatu
	});
	it('a state with no entries never signed nor joined', () => {
		expect(statusAsAt([], '2019-09-02')).toMatchObject({ status: 'not_party', basis: { what: 'never signed nor joined' } });
	});
	it('a correction replaces an entry and the replaced one no longer counts', () => {
		const wrong = fact({ kind: 'status', event: 'deposit', on_date: '2020-01-01' });
		const right = fact({ kind: 'status', event: 'deposit', on_date: '2021-01-01', replaces_id: wrong.id });
		expect(statusAsAt([wrong, right], '2020-06-01').status).toBe('not_party');
		expect(statusAsAt([wrong], '2020-06-01').status).toBe('state_party');
	});
});

describe('least developed as at a day', () => {
	const bhutan = [fact({ kind: 'ldc', event: 'inclusion', on_date: '1971' }), fact({ kind: 'ldc', event: 'graduation', on_date: '2023-12-13' })];
	const bangladesh = [fact({ kind: 'ldc', event: 'inclusion', on_date: '1975' }), fact({ kind: 'ldc', event: 'scheduled_graduation', on_date: '2026-11-24' })];
	it('on the list until the day of graduation', () => {
		expect(leastDevelopedAsAt(bhutan, '2019-09-02')).toMatchObject({ known: true, value: true });
		expect(leastDevelopedAsAt(bhutan, '2023-12-12')).toMatchObject({ known: true, value: true });
		expect(leastDevelopedAsAt(bhutan, '2023-12-13')).toMatchObject({ known: true, value: false, basis: { date: '2023-12-13' } });
	});
	it('a scheduled graduation: yes before it, unknown from its day until confirmed', () => {
		expect(leastDevelopedAsAt(bangladesh, '2026-11-23')).toMatchObject({ known: true, value: true });
		expect(leastDevelopedAsAt(bangladesh, '2026-11-24')).toMatchObject({ known: false });
	});
	it('a year or month only: unknown inside it, known outside', () => {
		const ssd = [fact({ kind: 'ldc', event: 'inclusion', on_date: '2012' })];
		expect(leastDevelopedAsAt(ssd, '2011-09-13')).toMatchObject({ known: true, value: false });
		expect(leastDevelopedAsAt(ssd, '2012-09-11')).toMatchObject({ known: false });
		expect(leastDevelopedAsAt(ssd, '2013-01-01')).toMatchObject({ known: true, value: true });
		expect(happenedBy('2024-02', '2024-02-29')).toBe('yes');
		expect(happenedBy('2024-02', '2024-02-28')).toBe('unknown');
	});
	it('not on the list at all: not least developed', () => {
		expect(leastDevelopedAsAt([], '2019-09-02')).toMatchObject({ known: true, value: false });
	});
});

describe('Article 3 / 4 deadline as at a day', () => {
	const bulgaria = [
		fact({ kind: 'deadline', event: 'original', article: 3, on_date: '2019-10-01' }),
		fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2019-09-04', deadline: '2021-04-01', granted_at: '9MSP' }),
		fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2021-02', outcome: 'unknown', granted_at: '2RC' }),
		fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2022-09-02', deadline: '2023-12-31', granted_at: '10MSP' }),
		fact({ kind: 'deadline', event: 'completion', article: 3, on_date: '2023-06' })
	];
	it('the original until an extension is decided; open on its day, passed the day after', () => {
		expect(deadlineAsAt(bulgaria, 3, '2019-09-02')).toMatchObject({ state: 'deadline', deadline: '2019-10-01' });
		expect(deadlineAsAt(bulgaria, 3, '2019-09-04')).toMatchObject({
			state: 'deadline',
			deadline: '2021-04-01',
			basis: { what: 'Article 3 deadline extended at 9MSP' }
		});
		expect(deadlineAsAt(bulgaria, 4, '2019-09-04')).toEqual({ state: 'none', basis: null });
	});
	it('an extension whose outcome is not found makes the deadline unknown until a later confirmed one', () => {
		expect(deadlineAsAt(bulgaria, 3, '2021-02-15').state).toBe('unknown'); // decided some day in February 2021
		expect(deadlineAsAt(bulgaria, 3, '2022-08-30')).toMatchObject({ state: 'unknown', reason: expect.stringContaining('outcome not found') });
		expect(deadlineAsAt(bulgaria, 3, '2022-09-02')).toMatchObject({ state: 'deadline', deadline: '2023-12-31' });
	});
	it('a completion ends the obligation (month only: unknown inside the month)', () => {
		expect(deadlineAsAt(bulgaria, 3, '2023-06-15').state).toBe('unknown');
		expect(deadlineAsAt(bulgaria, 3, '2023-07-01')).toMatchObject({ state: 'completed' });
	});
	it('an extension without a decision date counts from the day after the deadline it extends', () => {
		const lebanon = [
			fact({ kind: 'deadline', event: 'original', article: 4, on_date: '2021-05-01' }),
			fact({ kind: 'deadline', event: 'extension', article: 4, deadline: '2026-05-01', granted_at: '2RC' })
		];
		expect(deadlineAsAt(lebanon, 4, '2021-05-01')).toMatchObject({ state: 'deadline', deadline: '2021-05-01' });
		expect(deadlineAsAt(lebanon, 4, '2021-05-02')).toMatchObject({
			state: 'deadline',
			deadline: '2026-05-01',
			basis: { what: expect.stringContaining('decision date not found') }
		});
	});
	it('a granted extension without its new date, or an obligation without a deadline, is unknown', () => {
		const afghanistan = [
			fact({ kind: 'deadline', event: 'original', article: 4, on_date: '2022-03-01' }),
			fact({ kind: 'deadline', event: 'extension', article: 4 })
		];
		expect(deadlineAsAt(afghanistan, 4, '2022-03-01').state).toBe('deadline');
		expect(deadlineAsAt(afghanistan, 4, '2022-03-02').state).toBe('unknown');
		expect(deadlineAsAt([fact({ kind: 'deadline', event: 'extension', article: 4, on_date: '2025-09-19', outcome: 'unknown' })], 4, '2019-09-02').state).toBe(
			'unknown'
		);
	});
});

describe('victims and the whole picture', () => {
	it('high or medium confidence counts, low is unknown, absent is no', () => {
		expect(victimsAsAt([fact({ kind: 'victims', event: 'listed', confidence: 'medium' })], '2019-09-02')).toMatchObject({ known: true, value: true });
		expect(victimsAsAt([fact({ kind: 'victims', event: 'listed', confidence: 'low' })], '2019-09-02')).toMatchObject({ known: false });
		expect(victimsAsAt([], '2019-09-02')).toMatchObject({ known: true, value: false });
	});
	it('lists the unknown facts', () => {
		const f = factsAsAt(
			[
				fact({ kind: 'victims', event: 'listed', confidence: 'low' }),
				fact({ kind: 'ldc', event: 'inclusion', on_date: '1971' }),
				fact({ kind: 'ldc', event: 'scheduled_graduation', on_date: '2026-11-24' })
			],
			'2027-01-01'
		);
		expect(f.unknown).toHaveLength(2);
	});
});
