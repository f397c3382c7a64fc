import { describe, expect, it } from 'vitest';
import { stateName } from './state-names';

describe('stateName', () => {
	it('keeps the recorded (UN) name on English pages', () => {
		expect(stateName('Lao People’s Democratic Republic', 'LAO', 'en')).toBe('Lao People’s Democratic Republic');
	});

	it('names a state in French and Spanish from its ISO code', () => {
		expect(stateName('Bulgaria', 'BGR', 'fr')).toBe('Bulgarie');
		expect(stateName('Germany', 'DEU', 'es')).toBe('Alemania');
		expect(stateName('Switzerland', 'che', 'fr')).toBe('Suisse');
	});

	it('falls back to the recorded name without a known code', () => {
		expect(stateName('Holy See', null, 'fr')).toBe('Holy See');
		expect(stateName('Somewhere', 'XXX', 'es')).toBe('Somewhere');
	});
});
