import { describe, expect, it } from 'vitest';
import { statusOn } from './status-on';

const gambia = { kind: 'state' as const, ccm_status: 'state_party' as const, joined: '2018-12-13' };
const philippines = { kind: 'state' as const, ccm_status: 'state_party' as const, joined: '2019-01-03' };
const indonesia = { kind: 'state' as const, ccm_status: 'signatory' as const, joined: '2008-12-03' };

describe('statusOn', () => {
	it('takes the date joined into account, not today', () => {
		expect(statusOn(philippines, '2018-09-03')).toBe('not_party'); // 8MSP: not yet a party
		expect(statusOn(philippines, '2019-09-02')).toBe('state_party'); // 9MSP
		expect(statusOn(gambia, '2019-09-02')).toBe('state_party');
		expect(statusOn(indonesia, '2019-09-02')).toBe('signatory');
		expect(statusOn({ kind: 'state', ccm_status: null, joined: null }, '2019-09-02')).toBe('not_party');
		expect(statusOn({ kind: 'ngo', ccm_status: null, joined: null }, '2019-09-02')).toBeNull();
	});
});
