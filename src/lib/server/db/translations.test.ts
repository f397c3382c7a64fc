import { describe, expect, it } from 'vitest';
import { givenTranslations, localized, titleIn } from './translations';

const row = { title: 'Victim assistance', title_fr: 'Assistance aux victimes', title_es: null };

describe('titles in the page’s language', () => {
	it('gives the translation with its language, and English marked as English where there is none or it is blank', () => {
		expect(titleIn(row, 'fr')).toEqual({ title: 'Assistance aux victimes', titleLang: 'fr' });
		expect(titleIn(row, 'es')).toEqual({ title: 'Victim assistance', titleLang: 'en' });
		expect(titleIn({ ...row, title_fr: '   ' }, 'fr')).toEqual({ title: 'Victim assistance', titleLang: 'en' });
		expect(titleIn(row, 'en')).toEqual({ title: 'Victim assistance', titleLang: 'en' });
	});

	it('follows the request’s language by default (English outside a request)', () => {
		expect(titleIn(row)).toEqual({ title: 'Victim assistance', titleLang: 'en' });
	});

	it('drops the other languages from a row it localizes, and audits only translations given', () => {
		expect(localized({ id: 7, ...row }, 'fr')).toEqual({ id: 7, title: 'Assistance aux victimes', titleLang: 'fr' });
		expect(givenTranslations(row)).toEqual({ title_fr: 'Assistance aux victimes' });
	});
});
