import { describe, expect, it } from 'vitest';
import { searchForm } from './queries';

describe('searchForm', () => {
	it('meets a title and a query however they write accents, apostrophes, dashes and ligatures', () => {
		expect(searchForm('Côte d’Ivoire’s  Report')).toBe("cote d'ivoire's report");
		expect(searchForm("Cote d'Ivoire's report")).toBe("cote d'ivoire's report");
		expect(searchForm('Œuvre — mise en œuvre')).toBe('oeuvre - mise en oeuvre');
		expect(searchForm('Straße, Ærø, Łódź, Đakovo')).toBe('strasse, aero, lodz, dakovo');
		expect(searchForm('«Victim assistance»')).toBe('"victim assistance"');
		expect(searchForm('ﬁnal ＲＥＰＯＲＴ')).toBe('final report');
		expect(searchForm('  Стратегия   Женева ')).toBe('стратегия женева');
	});
});
