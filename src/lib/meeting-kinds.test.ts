import { describe, expect, it } from 'vitest';
import { runInLocale } from '$lib/server/i18n';
import { documentLanguageName, documentTypeLabel, documentTypeOptions } from './document-labels';
import { MEETING_KIND_LABELS, meetingKindLabel } from './meeting-kinds';

describe('names of kinds, document types and languages', () => {
	it('are English on English pages, as before', () => {
		runInLocale('en', () => {
			expect(meetingKindLabel('msp')).toBe('Meeting of States Parties');
			expect(MEETING_KIND_LABELS.review_conference).toBe('Review Conference');
			expect(documentTypeLabel('provisional_agenda')).toBe('Provisional agenda');
			expect(documentLanguageName('fr')).toBe('French');
		});
	});

	it('follow the page’s language when they are read, also through the table of kinds', () => {
		runInLocale('fr', () => {
			expect(meetingKindLabel('msp')).toBe('Assemblée des États parties');
			expect(Object.entries(MEETING_KIND_LABELS)[0]).toEqual(['msp', 'Assemblée des États parties']);
			expect(documentTypeOptions(['provisional_agenda'])).toEqual([{ value: 'provisional_agenda', label: 'Ordre du jour provisoire' }]);
			expect(documentLanguageName('zh')).toBe('Chinois');
		});
		runInLocale('es', () => {
			expect(MEETING_KIND_LABELS.intersessional).toBe('Reunión entre períodos de sesiones');
			expect(documentTypeLabel('working_paper')).toBe('Documento de trabajo');
			expect(documentLanguageName('ar')).toBe('Árabe');
		});
	});

	it('show an unknown code as it is', () => {
		expect(meetingKindLabel('colloquium')).toBe('colloquium');
		expect(documentTypeLabel('memo')).toBe('memo');
		expect(documentLanguageName('de')).toBe('de');
	});
});
