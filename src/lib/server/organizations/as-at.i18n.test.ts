import { describe, expect, it } from 'vitest';
import { runInLocale } from '../i18n';
import { deadlineAsAt, factsAsAt, leastDevelopedAsAt, statusAsAt, victimsAsAt } from './as-at';
import { factEntry as fact } from '../../../../tests/fixtures/state-facts';

/*
 * What a fact rests on (`basis.what`) and why it is unknown (`reason`) are shown beside scores and on the state's
 * page: in the page's language, with the records' sources and notes as written and the sources' dates as given.
 */

const lithuania = [
	fact({ kind: 'status', event: 'deposit', on_date: '2011-03-24' }),
	fact({ kind: 'status', event: 'withdrawal_notified', on_date: '2024-09-06' }),
	fact({ kind: 'status', event: 'withdrawal_effective', on_date: '2025-03-06' })
];
const bulgaria = [
	fact({ kind: 'deadline', event: 'original', article: 3, on_date: '2019-10-01' }),
	fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2019-09-04', deadline: '2021-04-01', granted_at: '9MSP' }),
	fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2021-02', outcome: 'unknown', granted_at: '2RC' }),
	fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2022-09-02', deadline: '2023-12-31', granted_at: '10MSP' }),
	fact({ kind: 'deadline', event: 'completion', article: 3, on_date: '2023-06' })
];
const lebanon = [
	fact({ kind: 'deadline', event: 'original', article: 4, on_date: '2021-05-01' }),
	fact({ kind: 'deadline', event: 'extension', article: 4, deadline: '2026-05-01', granted_at: '2RC' })
];
const ldc = [
	fact({ kind: 'ldc', event: 'inclusion', on_date: '1971' }),
	fact({ kind: 'ldc', event: 'graduation', on_date: '2020-12' }),
	fact({ kind: 'ldc', event: 'scheduled_graduation', on_date: '2020-12-13' })
];
/** A graduation scheduled, passed, and not confirmed by the sources. */
const scheduled = [ldc[0], ldc[2]];

describe('facts as at a day, in French', () => {
	const fr = <T>(fn: () => T) => runInLocale('fr', fn);

	it('the CCM status rests on a named event', () => {
		expect(fr(() => statusAsAt(lithuania, '2025-03-06').basis.what)).toBe('prise d’effet du retrait');
		expect(fr(() => statusAsAt(lithuania, '2020-01-01').basis.what)).toBe('ratification ou adhésion');
		expect(fr(() => statusAsAt(lithuania, '2010-01-01').basis.what)).toBe('pas encore partie (ratification ou adhésion 2011-03-24)');
		expect(fr(() => statusAsAt([], '2019-09-02').basis)).toEqual({
			what: 'n’a jamais signé ni adhéré',
			date: null,
			source: 'states-not-party.csv (aucun instrument relatif à la CCM trouvé dans les sources jusqu’au début de 2026)'
		});
	});

	it('Article 3 / 4 deadlines, extensions and the reasons one is unknown', () => {
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2019-09-02').basis)).toMatchObject({ what: 'délai initial au titre de l’article 3' });
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2019-09-04').basis)).toMatchObject({ what: 'délai au titre de l’article 3 prolongé lors de la 9MSP' });
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2021-02-15'))).toMatchObject({
			state: 'unknown',
			reason: 'prolongation au titre de l’article 3 décidée lors de la 2RC en 2021-02 : le jour de la décision ne figure pas dans les sources',
			basis: { what: 'prolongation' }
		});
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2022-08-30'))).toMatchObject({
			reason: 'prolongation au titre de l’article 3 examinée lors de la 2RC : issue introuvable dans les sources',
			basis: { what: 'demande de prolongation' }
		});
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2023-06-15'))).toMatchObject({
			reason: 'exécution des obligations au titre de l’article 3 datée seulement de 2023-06',
			basis: { what: 'exécution des obligations' }
		});
		expect(fr(() => deadlineAsAt(bulgaria, 3, '2023-07-01').basis)).toMatchObject({ what: 'Obligations au titre de l’article 3 remplies' });
		expect(fr(() => deadlineAsAt(lebanon, 4, '2021-05-02').basis)).toMatchObject({
			what: 'délai au titre de l’article 4 prolongé lors de la 2RC (date de la décision introuvable)'
		});
		const granted = [
			fact({ kind: 'deadline', event: 'original', article: 4, on_date: '2022-03-01' }),
			fact({ kind: 'deadline', event: 'extension', article: 4, on_date: '2021-09-01' })
		];
		expect(fr(() => deadlineAsAt(granted, 4, '2021-09-02'))).toMatchObject({
			reason: 'prolongation au titre de l’article 4 accordée : le nouveau délai ne figure pas dans les sources'
		});
		const orphan = [fact({ kind: 'deadline', event: 'extension', article: 4, on_date: '2021-09-01' })];
		expect(fr(() => deadlineAsAt(orphan, 4, '2021-09-02'))).toMatchObject({ reason: 'délai au titre de l’article 4 introuvable dans les sources' });
	});

	it('least developed countries', () => {
		expect(fr(() => leastDevelopedAsAt([], '2019-09-02').basis)).toEqual({
			what: 'ne figure pas sur la liste des pays les moins avancés de l’ONU',
			date: null,
			source: 'Liste des pays les moins avancés du DAES de l’ONU (ldc_list.pdf, via openclimatedata/countrygroups)'
		});
		expect(fr(() => leastDevelopedAsAt(scheduled, '2021-01-01'))).toMatchObject({
			known: false,
			reason: 'sortie de la catégorie prévue pour 2020-12-13 ; non confirmée dans les sources'
		});
		expect(fr(() => leastDevelopedAsAt(ldc, '2020-12-20'))).toMatchObject({
			known: false,
			reason: 'sortie de la catégorie en 2020-12 : la source ne donne pas le jour exact'
		});
		expect(fr(() => leastDevelopedAsAt(ldc.slice(0, 1), '2019-09-02').basis)).toMatchObject({ what: 'sur la liste depuis', date: '1971' });
	});

	it('cluster munition victims', () => {
		const low = [fact({ kind: 'victims', event: 'listed', confidence: 'low', note: 'one source only' })];
		expect(fr(() => victimsAsAt(low, '2019-09-02'))).toMatchObject({
			known: false,
			reason: 'victimes d’armes à sous-munitions : degré de confiance faible (one source only)',
			basis: { what: 'victimes (degré de confiance faible)' }
		});
		expect(fr(() => victimsAsAt([], '2019-09-02').basis?.what)).toBe('ne figure pas sur les listes des États comptant des victimes d’armes à sous-munitions');
	});

	it('lists the unknown facts for staff in French', () => {
		expect(fr(() => factsAsAt([...bulgaria, ...scheduled], '2021-02-15').unknown)).toEqual([
			'prolongation au titre de l’article 3 décidée lors de la 2RC en 2021-02 : le jour de la décision ne figure pas dans les sources',
			'sortie de la catégorie prévue pour 2020-12-13 ; non confirmée dans les sources'
		]);
	});
});

describe('facts as at a day, in Spanish', () => {
	const es = <T>(fn: () => T) => runInLocale('es', fn);

	it('names events, extensions and unknowns in Spanish', () => {
		expect(es(() => statusAsAt(lithuania, '2025-03-06').basis.what)).toBe('la retirada surtió efecto');
		expect(es(() => deadlineAsAt(bulgaria, 3, '2019-09-04').basis)).toMatchObject({ what: 'plazo del artículo 3 prorrogado en la 9MSP' });
		expect(es(() => deadlineAsAt(bulgaria, 3, '2022-08-30'))).toMatchObject({
			reason: 'prórroga del artículo 3 examinada en la 2RC: resultado no encontrado en las fuentes',
			basis: { what: 'solicitud de prórroga' }
		});
		expect(es(() => leastDevelopedAsAt(ldc, '2020-12-20'))).toMatchObject({
			reason: 'exclusión de la categoría en 2020-12: la fuente no indica el día exacto'
		});
		const high = [fact({ kind: 'victims', event: 'listed', confidence: 'high' })];
		expect(es(() => victimsAsAt(high, '2019-09-02').basis?.what)).toBe('víctimas de municiones en racimo (grado de confianza alto)');
	});
});

describe('facts as at a day, in English as before', () => {
	it('keeps its words on English pages and outside a request', () => {
		for (const run of [<T>(fn: () => T) => runInLocale('en', fn), <T>(fn: () => T) => fn()]) {
			expect(run(() => statusAsAt(lithuania, '2025-03-06').basis.what)).toBe('withdrawal took effect');
			expect(run(() => deadlineAsAt(bulgaria, 3, '2022-08-30'))).toMatchObject({
				reason: 'Article 3 extension considered at 2RC: outcome not found in the sources'
			});
			expect(run(() => deadlineAsAt(lebanon, 4, '2021-05-02').basis?.what)).toBe('Article 4 deadline extended at 2RC (decision date not found)');
			expect(run(() => leastDevelopedAsAt(scheduled, '2021-01-01'))).toMatchObject({
				reason: 'graduation was scheduled for 2020-12-13; not confirmed in the sources'
			});
		}
	});
});
