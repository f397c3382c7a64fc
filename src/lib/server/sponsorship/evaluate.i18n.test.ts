import { describe, expect, it } from 'vitest';
import { runInLocale } from '../i18n';
import { factsAsAt } from '../organizations/as-at';
import { allocate } from './allocation';
import { defaultCriteria, type CriteriaSet } from './criteria';
import { evaluate, stateFactsAsAt } from './evaluate';
import { rank } from './ranking';
import { MSP9, applicant, setOf } from '../../../../tests/fixtures/sponsorship';
import { factEntry } from '../../../../tests/fixtures/state-facts';

/*
 * The breakdown, the eligibility refusals and the staff adjustment are made in the language of the request (staff
 * and the Coordination Committee read them on French and Spanish pages); outside a request, and on English pages,
 * they are the English of evaluate.test.ts.
 */

/** Every criterion of the default set switched on, so each one explains itself. */
function allOn(): CriteriaSet {
	const set = defaultCriteria();
	set.criteria = set.criteria.map((c) => {
		const on = { ...c, weight: c.weight || 5 };
		if (on.kind === 'region_balance') on.priorityRegions = ['Africa', 'Pacific'];
		if (on.kind === 'gender_balance') on.underRepresented = ['female'];
		return on;
	});
	return set;
}

const croatia = applicant({
	staffScore: { points: 3, reason: 'Leads the national clearance plan' },
	sponsoredLastMeeting: true,
	lastArticle7Report: '2017-04-30',
	answers: { statement: true, statementItems: ['10 (a)', '11'], implementationResponsibility: false }
});
const whys = () => evaluate(allOn(), croatia, MSP9).breakdown.map((b) => b.why);

const fact = (f: Parameters<typeof factEntry>[0]) => factEntry({ source: 'CCM/MSP/2019/14', ...f });

/** Croatia's dated facts with an Article 3 extension whose outcome the sources do not give. */
const entries = [
	fact({ kind: 'status', event: 'ratification', on_date: '2009-08-17' }),
	fact({ kind: 'deadline', event: 'original', article: 3, on_date: '2019-08-01' }),
	fact({ kind: 'deadline', event: 'extension', article: 3, on_date: '2019-06-20', outcome: 'unknown', granted_at: '9MSP' }),
	fact({ kind: 'victims', event: 'listed', confidence: 'high' })
];
const withFacts = (over = {}) => applicant({ ...stateFactsAsAt({ iso3: 'HRV', name: 'Croatia', region: 'Europe' }, factsAsAt(entries, MSP9)), ...over });

describe('the breakdown in the language of the page', () => {
	it('every criterion explains itself in French, the state named as French pages name it', () => {
		expect(runInLocale('fr', whys)).toEqual([
			'Le délai au titre de l’article 4 (2020-08-01) échoit dans les 24 mois suivant la réunion',
			'Croatie : présence de victimes d’armes à sous-munitions (article 5)',
			'Croatie : aucune inscription enregistrée sur la liste des pays les moins avancés',
			'Croatie : État partie à la date de la réunion',
			'Non responsable de la mise en œuvre dans son pays (selon sa réponse)',
			'Prononcera une déclaration au titre des points 10 (a), 11 de l’ordre du jour',
			// Regions are the records' (English); the staff's reason is theirs, as written.
			'Europe : région non prioritaire (Africa, Pacific)',
			'Dernier rapport au titre de l’article 7 : 2017-04-30, datant de plus de 12 mois',
			'Parrainage accordé à la réunion précédente',
			'Rôle dans la délégation : Conseiller',
			'Genre « femme » : indiqué comme sous-représenté',
			'Personnel : Leads the national clearance plan'
		]);
	});

	it('and in Spanish', () => {
		expect(runInLocale('es', whys)).toEqual([
			'El plazo del artículo 4 (2020-08-01) vence en los 24 meses siguientes a la reunión',
			'Croacia tiene víctimas de municiones en racimo (artículo 5)',
			'Croacia no consta como país menos adelantado',
			'Croacia: Estado Parte en la fecha de la reunión',
			'No es responsable de la aplicación en su país (según su respuesta)',
			'Pronunciará una declaración sobre los temas 10 (a), 11 del programa',
			'Europe no es una región prioritaria (Africa, Pacific)',
			'Último informe presentado en virtud del artículo 7: 2017-04-30, de hace más de 12 meses',
			'Recibió patrocinio en la reunión anterior',
			'Función en la delegación: Asesor',
			'Género «mujer»: figura como infrarrepresentado',
			'Personal: Leads the national clearance plan'
		]);
	});

	it('stays English on an English page and outside a request, word for word', () => {
		const english = [
			'Article 4 deadline 2020-08-01 is within 24 months of the meeting',
			'Croatia has cluster munition victims (Article 5)',
			'Croatia is not recorded as a least developed country',
			'Croatia is a State Party at the meeting date',
			'Not responsible for implementation at home (own answer)',
			'Will deliver a statement on agenda items 10 (a), 11',
			'Europe is not a priority region (Africa, Pacific)',
			'Last Article 7 report 2017-04-30 is older than 12 months',
			'Sponsored at the previous meeting',
			'Role in the delegation: Adviser',
			'Gender female is listed as under-represented',
			'Staff: Leads the national clearance plan'
		];
		expect(runInLocale('en', whys)).toEqual(english);
		expect(whys()).toEqual(english);
	});

	it('an unknown fact and the source a score rests on read in one language, never a mix', () => {
		const set = defaultCriteria();
		const fr = runInLocale('fr', () => evaluate(set, withFacts(), MSP9).breakdown);
		expect(fr[0].why).toBe(
			'Inconnu : prolongation au titre de l’article 3 examinée lors de la 9MSP : issue introuvable dans les sources (demande de prolongation 2019-06-20 ; source : CCM/MSP/2019/14) ; compte pour 0 jusqu’à ce que le personnel tranche'
		);
		expect(fr[1].why).toBe(
			'Croatie : présence de victimes d’armes à sous-munitions (article 5) (victimes d’armes à sous-munitions (degré de confiance élevé) ; source : CCM/MSP/2019/14)'
		);
		expect(fr[2].why).toBe(
			'Croatie : aucune inscription enregistrée sur la liste des pays les moins avancés (ne figure pas sur la liste des pays les moins avancés de l’ONU ; source : Liste des pays les moins avancés du DAES de l’ONU (ldc_list.pdf, via openclimatedata/countrygroups))'
		);
		const es = runInLocale('es', () => evaluate(set, withFacts(), MSP9).breakdown);
		expect(es[0].why).toBe(
			'Desconocido: prórroga del artículo 3 examinada en la 9MSP: resultado no encontrado en las fuentes (solicitud de prórroga 2019-06-20; fuente: CCM/MSP/2019/14); cuenta 0 hasta que el personal lo resuelva'
		);
		expect(es[3].why).toBe('Croacia: Estado Parte en la fecha de la reunión (ratificación 2009-08-17; fuente: CCM/MSP/2019/14)');
		// The same facts on an English page: the texts the integration tests and the reference e2e read.
		expect(runInLocale('en', () => evaluate(set, withFacts(), MSP9).breakdown[0].why)).toMatch(
			/^Unknown: Article 3 extension considered at 9MSP: outcome not found in the sources \(extension request 2019-06-20; source: CCM\/MSP\/2019\/14\); counts 0/
		);
	});

	it('a staff adjustment keeps the reason as written and says the rest in Spanish', () => {
		const e = runInLocale('es', () =>
			evaluate(defaultCriteria(), applicant({ adjustments: [{ criterionId: 'obligations', points: 18, reason: 'Extension granted to 2025' }] }), MSP9)
		);
		expect(e.breakdown[0]).toMatchObject({
			points: 18,
			adjusted: true,
			why: 'El plazo del artículo 4 (2020-08-01) vence en los 24 meses siguientes a la reunión. Ajustado por el personal de 30 a 18: Extension granted to 2025'
		});
	});

	it('a criterion without a weight, or without facts to read, says so in French', () => {
		const fr = (over = {}) => runInLocale('fr', () => evaluate(setOf(allOn().criteria), applicant(over), MSP9).breakdown.map((b) => b.why));
		const none = fr({
			art4Deadline: null,
			region: null,
			lastArticle7Report: null,
			gender: null,
			staffScore: { points: 5, reason: ' ' },
			answers: { statement: false, statementItems: [], implementationResponsibility: true }
		});
		expect(none).toEqual([
			'Aucun délai au titre de l’article 3 ou de l’article 4 n’est enregistré',
			'Croatie : présence de victimes d’armes à sous-munitions (article 5)',
			'Croatie : aucune inscription enregistrée sur la liste des pays les moins avancés',
			'Croatie : État partie à la date de la réunion',
			'Responsable de la mise en œuvre dans son pays (selon sa réponse)',
			'Ne prononcera pas de déclaration',
			'Aucune région enregistrée',
			'Aucun rapport au titre de l’article 7 enregistré',
			'Pas de parrainage à la réunion précédente (rotation)',
			'Rôle dans la délégation : Conseiller',
			'Genre non indiqué',
			'Note du personnel ignorée : aucun motif indiqué'
		]);
		expect(runInLocale('fr', () => evaluate(defaultCriteria(), applicant(), MSP9).breakdown[11].why)).toBe('Non utilisé (poids 0)');
		expect(
			runInLocale('es', () =>
				evaluate(allOn(), applicant({ ccmStatus: 'signatory' }), MSP9)
					.breakdown.slice(0, 2)
					.map((b) => b.why)
			)
		).toEqual([
			'Las obligaciones de los artículos 3 y 4 solo se aplican a los Estados Partes',
			'El artículo 5 (asistencia a las víctimas) solo se aplica a los Estados Partes'
		]);
	});
});

describe('eligibility refusals in the language of the page', () => {
	const closed = { ...setOf(defaultCriteria().criteria), gates: { admitSignatories: false, admitNotParty: false } };
	const refused = { stateIso3: 'IDN', stateName: 'Indonesia', ccmStatus: 'signatory' as const, inDelegation: false, endorsedByFocalPoint: false };

	it('in French', () => {
		expect(runInLocale('fr', () => evaluate(closed, applicant(refused), MSP9).gateFailures)).toEqual([
			'Indonésie : État signataire à la date de la réunion ; les critères (version 7) n’admettent pas les États signataires.',
			'Le demandeur ne fait pas partie de la délégation (Indonésie) à cette réunion.',
			'Le point focal (Indonésie) n’a pas donné son aval à la demande.'
		]);
		expect(runInLocale('fr', () => evaluate(closed, applicant({ ccmStatus: 'not_party' }), MSP9).gateFailures)).toEqual([
			'Croatie : État non partie à la date de la réunion ; les critères (version 7) n’admettent pas les États non parties.'
		]);
	});

	it('in Spanish', () => {
		expect(runInLocale('es', () => evaluate(closed, applicant(refused), MSP9).gateFailures)).toEqual([
			'Indonesia: Estado signatario en la fecha de la reunión; los criterios (versión 7) no admiten a los Estados signatarios.',
			'El solicitante no forma parte de la delegación de Indonesia en esta reunión.',
			'El punto focal de Indonesia no ha respaldado la solicitud.'
		]);
	});

	it('in English as before', () => {
		expect(runInLocale('en', () => evaluate(closed, applicant(refused), MSP9).gateFailures)).toEqual([
			'Indonesia is a Signatory at the meeting date, and the criteria (version 7) do not admit Signatories.',
			"The applicant is not in Indonesia's delegation to this meeting.",
			"Indonesia's focal point has not endorsed the application."
		]);
	});
});

describe('tie-breaks and allocation warnings in the language of the page', () => {
	const tied = () => {
		const set = setOf(allOn().criteria);
		const a = evaluate(set, applicant({ applicationId: 1 }), MSP9);
		const b = evaluate(set, applicant({ applicationId: 2 }), MSP9);
		const c = evaluate(set, applicant({ applicationId: 3, submittedAt: '2019-07-01T09:00:00.000Z' }), MSP9);
		return rank([c, b, a]).map((r) => r.tieBreak);
	};

	it('name the rule that placed a row below the one above', () => {
		expect(runInLocale('fr', tied)).toEqual([null, 'numéro de demande inférieur', 'soumise plus tôt']);
		expect(runInLocale('es', tied)).toEqual([null, 'número de solicitud menor', 'presentada antes']);
		expect(runInLocale('en', tied)).toEqual([null, 'lower application number', 'submitted earlier']);
	});

	it('warn staff of commitments beyond the budget or the places', () => {
		const warnings = () =>
			allocate({
				budgetCentimes: 100_000,
				dsaCentimes: 0,
				placesPerState: 1,
				ranked: [
					{ applicationId: 1, stateIso3: 'AFG', airfareCentimes: 80_000, nights: 0, status: 'offered', eligible: true },
					{ applicationId: 2, stateIso3: 'AFG', airfareCentimes: 80_000, nights: 0, status: 'accepted', eligible: false }
				]
			}).warnings;
		expect(runInLocale('fr', warnings)).toEqual([
			'La demande 2 bénéficie d’une offre mais n’est plus admissible : réexaminez-la.',
			expect.stringMatching(/^Les offres déjà faites \(.*1\s600.*\) dépassent le budget \(.*1\s000.*\)\.$/),
			'Afghanistan : 2 offres pour 1 place.'
		]);
		expect(runInLocale('es', warnings)[2]).toBe('Afganistán: 2 ofertas para 1 plaza.');
		expect(runInLocale('en', warnings)[2]).toBe('AFG holds 2 offers for 1 place.');
	});
});
