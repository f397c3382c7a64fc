import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchDocuments, type SearchableDocument, type SearchFilter } from './search-index';
import { searchForm } from './queries';

let nextId = 1;
function doc(symbol: string, title: string, start_date: string, more: Partial<SearchableDocument> = {}): SearchableDocument {
	const base_symbol = symbol.replace(/\/(Rev|Corr)\.\d+$/, '');
	return {
		id: nextId++,
		symbol,
		base_symbol,
		title,
		title_search: searchForm(title),
		type: 'working_paper',
		status: 'published',
		published_at: '2019-08-01T00:00:00.000Z',
		meeting_code: start_date.slice(0, 4),
		meeting_slug: start_date.slice(0, 4),
		start_date,
		languages: ['en'],
		...more
	};
}

const docs = [
	doc('CCM/MSP/2018/5', 'Victim assistance in Lao PDR', '2018-09-03', { languages: ['en', 'fr'] }),
	doc('CCM/MSP/2019/10', 'Clearance and risk reduction', '2019-09-02', { type: 'report', languages: ['en', 'fr', 'es'] }),
	doc('CCM/MSP/2019/4/Rev.1', 'Victim assistance: revised plan', '2019-09-02'),
	doc('CCM/MSP/2019/4', 'Victim assistance plan', '2019-09-02', { languages: [] }),
	doc('CCM/MSP/2019/2', 'Côte d’Ivoire’s statement', '2019-09-02', { type: 'statement', languages: ['fr'] })
];
const index = buildSearchIndex(docs);
const search = (f: Partial<SearchFilter> & { q?: string }) =>
	matchDocuments(index, {
		words: searchForm(f.q ?? '')
			.split(' ')
			.filter(Boolean),
		page: 1,
		pageSize: 25,
		...f
	});
const symbols = (f: Parameters<typeof search>[0]) => search(f).rows.map((r) => r.symbol);

describe('document search index', () => {
	it("lists the newest meeting first, by the symbol's numbers (/2 before /10), and a revision after its original", () => {
		expect(symbols({})).toEqual(['CCM/MSP/2019/2', 'CCM/MSP/2019/4', 'CCM/MSP/2019/4/Rev.1', 'CCM/MSP/2019/10', 'CCM/MSP/2018/5']);
	});

	it('needs every word, in the title or the symbol, whatever the case, accents and apostrophes', () => {
		expect(symbols({ q: 'VICTIM plan' })).toEqual(['CCM/MSP/2019/4', 'CCM/MSP/2019/4/Rev.1']);
		expect(symbols({ q: 'victim 2018' })).toEqual(['CCM/MSP/2018/5']);
		expect(symbols({ q: "cote d'ivoire's" })).toEqual(['CCM/MSP/2019/2']);
		expect(symbols({ q: 'rev.1' })).toEqual(['CCM/MSP/2019/4/Rev.1']);
		expect(symbols({ q: 'victim zebra' })).toEqual([]);
	});

	it('does not let a word run from the title into the symbol', () => {
		expect(symbols({ q: 'plan ccm' })).toEqual(['CCM/MSP/2019/4', 'CCM/MSP/2019/4/Rev.1']);
		expect(symbols({ q: 'planccm' })).toEqual([]);
	});

	it('filters by type, year and language; a language we do not serve finds nothing', () => {
		expect(symbols({ type: 'report' })).toEqual(['CCM/MSP/2019/10']);
		expect(symbols({ year: 2018 })).toEqual(['CCM/MSP/2018/5']);
		expect(symbols({ year: 2017 })).toEqual([]);
		expect(symbols({ lang: 'fr' })).toEqual(['CCM/MSP/2019/2', 'CCM/MSP/2019/10', 'CCM/MSP/2018/5']);
		expect(symbols({ lang: 'de' })).toEqual([]);
		expect(symbols({ q: 'victim', lang: 'fr', year: 2018 })).toEqual(['CCM/MSP/2018/5']);
	});

	it('finds a title in any of its languages, every word in the same one, the symbol with each', () => {
		const translated = buildSearchIndex([
			doc('CCM/MSP/2019/1', 'Provisional agenda', '2019-09-02', { title_fr: 'Ordre du jour provisoire', title_es: 'Programa provisional' }),
			doc('CCM/MSP/2019/3', 'Victim assistance', '2019-09-02', { title_es: 'Asistencia a las víctimas', title_fr: '  ' })
		]);
		const find = (q: string) =>
			matchDocuments(translated, { words: searchForm(q).split(' ').filter(Boolean), page: 1, pageSize: 25 }).rows.map((r) => r.symbol);
		expect(find('ORDRE du jour')).toEqual(['CCM/MSP/2019/1']);
		expect(find('programa 2019/1')).toEqual(['CCM/MSP/2019/1']);
		expect(find('asistencia a las victimas')).toEqual(['CCM/MSP/2019/3']);
		expect(find('victim assistance')).toEqual(['CCM/MSP/2019/3']);
		expect(find('ordre agenda')).toEqual([]);
	});

	it('keeps a document without files when no language is asked for', () => {
		expect(symbols({ q: 'victim assistance plan' })).toContain('CCM/MSP/2019/4');
	});

	it('counts every match and returns the asked page', () => {
		const page = (p: number) => matchDocuments(index, { words: [], page: p, pageSize: 2 });
		expect(page(1)).toMatchObject({ total: 5 });
		expect([1, 2, 3, 4].map((p) => page(p).rows.map((r) => r.symbol))).toEqual([
			['CCM/MSP/2019/2', 'CCM/MSP/2019/4'],
			['CCM/MSP/2019/4/Rev.1', 'CCM/MSP/2019/10'],
			['CCM/MSP/2018/5'],
			[]
		]);
		expect(page(0).rows).toEqual(page(1).rows);
	});
});
