import type { Kysely } from 'kysely';
import type { Database, DelegationRole, RegistrationStatus } from '../db';
import { generateToken } from '../auth';
import { nowIso } from '../time';
import { formatAgendaNumber } from '../meetings';
import { isLive } from '../registration';

type Person = [
	title: string | null,
	given: string,
	family: string,
	gender: string,
	position: string | null,
	role: DelegationRole,
	status: RegistrationStatus,
	consent: boolean,
	accessNeeds?: string | null,
	application?: Application
];

/** A submitted sponsorship application: airfare in CHF, nights, where from, and whether the focal point endorsed it. */
interface Application {
	airfare: number;
	nights: number;
	from: string;
	endorsed: boolean;
	/** Agenda items (number, sub-number) the delegate would speak on; 'general': a statement on no item named; none: no statement. */
	statement: [string, string | null][] | 'general';
	implementation: boolean;
	justification: string;
}

/**
 * Fictional people (made-up names, `@demo.example.org` addresses) in the demonstration meeting's delegations, so that on
 * the first start the staff pages, badges, check-in and the list of participants have something to show. They are
 * registered by nobody (as a focal point would add them), without e-mails; seven from affected states have applied for
 * sponsorship (four endorsed by their focal point), so the ranking and the allocation have something to weigh. The
 * applicants' states differ in their facts as at the meeting (status, least developed, victims, Article 4), and their
 * answers differ, so the ranking spreads: no two tie on total.
 * States the e2e tests use are left out.
 */
const DEMO_DELEGATIONS: { iso3?: string; shortName?: string; submitted: boolean; people: Person[] }[] = [
	{
		iso3: 'AUT',
		submitted: true,
		people: [
			['H.E. Ms.', 'Katharina', 'Steiner', 'female', 'Ambassador, Permanent Representative to the UN in Geneva', 'head', 'approved', true],
			['Mr.', 'Lukas', 'Gruber', 'male', 'Counsellor, Permanent Mission', 'alternate', 'approved', true],
			['Ms.', 'Anna', 'Hofer', 'female', 'Attaché', 'member', 'pending', false]
		]
	},
	{
		iso3: 'MEX',
		submitted: true,
		people: [
			['H.E. Mr.', 'Alejandro', 'Ruiz Castillo', 'male', 'Ambassador, Permanent Representative', 'head', 'approved', true],
			['Ms.', 'María Fernanda', 'López Ortega', 'female', 'Second Secretary', 'adviser', 'approved', true]
		]
	},
	{
		iso3: 'NOR',
		submitted: false,
		people: [
			['Ms.', 'Ingrid', 'Haugen', 'female', 'Senior Adviser, Ministry of Foreign Affairs', 'head', 'approved', true],
			['Mr.', 'Erik', 'Nilsen', 'male', 'Adviser', 'adviser', 'pending', true]
		]
	},
	{
		iso3: 'PHL',
		submitted: true,
		people: [
			['H.E. Ms.', 'Maria Teresa', 'Santos', 'female', 'Deputy Permanent Representative', 'head', 'approved', true],
			[
				'Mr.',
				'Jose Miguel',
				'Reyes',
				'male',
				'First Secretary',
				'member',
				'approved',
				true,
				null,
				{
					airfare: 1510,
					nights: 5,
					from: 'Manila',
					endorsed: false,
					statement: [],
					implementation: false,
					justification: 'Follows universalization in South-East Asia.'
				}
			]
		]
	},
	{
		iso3: 'MOZ',
		submitted: false,
		people: [
			[
				'Mr.',
				'Armando',
				'Machava',
				'male',
				'Director, National Demining Institute',
				'head',
				'pending',
				true,
				null,
				{
					airfare: 1380,
					nights: 5,
					from: 'Maputo',
					endorsed: true,
					statement: [
						['8', 'c'],
						['8', 'd']
					],
					implementation: true,
					justification: 'Reports on the completion of clearance and the national victim assistance plan.'
				}
			],
			['Ms.', 'Lúcia', 'Cossa', 'female', 'Programme Officer', 'member', 'pending', true, 'Wheelchair access to the conference room and the side-event rooms.']
		]
	},
	{
		iso3: 'IRQ',
		submitted: true,
		people: [
			[
				'Dr.',
				'Hassan',
				'Al-Jaberi',
				'male',
				'Director General, Directorate of Mine Action',
				'head',
				'approved',
				true,
				null,
				{
					airfare: 920,
					nights: 5,
					from: 'Baghdad',
					endorsed: true,
					statement: [['9', null]],
					implementation: true,
					justification: 'Presents the Article 4 extension request and the clearance work plan.'
				}
			],
			['Ms.', 'Noor', 'Kareem', 'female', 'Legal Adviser', 'adviser', 'rejected', true]
		]
	},
	{ iso3: 'NZL', submitted: false, people: [['Ms.', 'Aroha', 'Williams', 'female', 'Disarmament Counsellor', 'head', 'approved', true, 'Vegetarian meals.']] },
	{
		iso3: 'COL',
		submitted: false,
		people: [
			['Mr.', 'Andrés Felipe', 'Gómez', 'male', 'Minister Counsellor', 'head', 'approved', true],
			[
				'Ms.',
				'Daniela',
				'Rojas',
				'female',
				'Adviser, Victim Assistance',
				'adviser',
				'pending',
				true,
				null,
				{
					airfare: 1240,
					nights: 4,
					from: 'Bogotá',
					endorsed: false,
					statement: [],
					implementation: true,
					justification: 'Works on the national victim assistance programme.'
				}
			]
		]
	},
	{
		iso3: 'LBN',
		submitted: false,
		people: [
			['Ms.', 'Rania', 'Haddad', 'female', 'Director, Lebanon Mine Action Centre', 'head', 'approved', true],
			['Mr.', 'Karim', 'Nassar', 'male', 'First Secretary, Permanent Mission', 'member', 'pending', true]
		]
	},
	{
		// A Signatory on the UN list of least developed countries, with victims (who count only for States Parties).
		iso3: 'AGO',
		submitted: false,
		people: [
			[
				'Mr.',
				'Manuel',
				'Domingos',
				'male',
				'Director, National Agency for Mine Action',
				'head',
				'approved',
				true,
				null,
				{
					airfare: 1190,
					nights: 5,
					from: 'Luanda',
					endorsed: true,
					statement: [],
					implementation: true,
					justification: 'Leads the work towards ratification and the survey of cluster munition remnants.'
				}
			]
		]
	},
	{
		// A State Party on the list of least developed countries, with victims, whose Article 4 deadline passed in 2026.
		iso3: 'TCD',
		submitted: false,
		people: [
			[
				'Ms.',
				'Achta',
				'Mahamat',
				'female',
				'First Counsellor, Permanent Mission',
				'head',
				'pending',
				true,
				null,
				{
					airfare: 1060,
					nights: 5,
					from: "N'Djamena",
					endorsed: false,
					statement: 'general',
					implementation: false,
					justification: 'Delivers the national statement on clearance and victim assistance.'
				}
			]
		]
	},
	{
		// A state not party, least developed: an observer applying to follow the Convention's work.
		iso3: 'KHM',
		submitted: false,
		people: [
			[
				'H.E. Mr.',
				'Sokha',
				'Chea',
				'male',
				'Secretary of State, Cambodian Mine Action and Victim Assistance Authority',
				'head',
				'approved',
				true,
				null,
				{
					airfare: 1290,
					nights: 5,
					from: 'Phnom Penh',
					endorsed: true,
					statement: 'general',
					implementation: true,
					justification: 'Presents the national position on accession and shares clearance experience.'
				}
			]
		]
	},
	{
		shortName: 'ICRC',
		submitted: false,
		people: [
			['Mr.', 'Thomas', 'Keller', 'male', 'Legal Adviser, Arms Unit', 'observer', 'approved', true],
			['Ms.', 'Léa', 'Dubois', 'female', 'Weapons Contamination Adviser', 'observer', 'pending', true]
		]
	},
	{
		shortName: 'CMC',
		submitted: false,
		people: [
			['Ms.', 'Sara', 'Lindqvist', 'female', 'Campaigner', 'observer', 'approved', true],
			['Mr.', 'Daniel', 'Okafor', 'male', 'Research Officer', 'observer', 'approved', false]
		]
	},
	{ shortName: 'HI', submitted: false, people: [['Ms.', 'Claire', 'Martin', 'female', 'Advocacy Officer', 'observer', 'pending', true]] }
];

const address = (given: string, family: string) =>
	`${given}.${family}`
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z.]+/g, '-') + '@demo.example.org';

/** Into a meeting without registrations only; counters kept as register() keeps them (places held, per delegation). */
export async function seedDemoPeople(db: Kysely<Database>, meetingId: number): Promise<void> {
	const now = nowIso();
	await db.transaction().execute(async (trx) => {
		const any = await trx.selectFrom('registrations').select('id').where('meeting_id', '=', meetingId).limit(1).executeTakeFirst();
		if (any) return;
		let placesHeld = 0;
		for (const d of DEMO_DELEGATIONS) {
			let q = trx.selectFrom('organizations').select('id');
			q = d.iso3 ? q.where('iso3', '=', d.iso3) : q.where('short_name', '=', d.shortName!);
			const org = await q.executeTakeFirst();
			if (!org) continue; // reference data without this organisation: leave it out
			const live = d.people.filter((p) => isLive(p[6])).length;
			const delegation = await trx
				.insertInto('delegations')
				.values({
					meeting_id: meetingId,
					organization_id: org.id,
					status: d.submitted ? 'submitted' : 'open',
					submitted_at: d.submitted ? now : null,
					places_held: live,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const [title, given, family, gender, position, role, status, consent, accessNeeds, application] of d.people) {
				const holds = status === 'pending' || status === 'approved';
				if (holds) placesHeld++;
				const registration = await trx
					.insertInto('registrations')
					.values({
						meeting_id: meetingId,
						delegation_id: delegation.id,
						user_id: null,
						title,
						given_name: given,
						family_name: family,
						gender,
						position,
						email: address(given, family),
						phone: null,
						role,
						consent_published: consent ? 1 : 0,
						access_needs: accessNeeds ?? null,
						status,
						holds_place: holds ? 1 : 0,
						confirmed_by_person: status === 'approved' ? 1 : 0,
						rejection_reason: status === 'rejected' ? 'Not a member of the delegation notified by the Permanent Mission.' : null,
						badge_token: generateToken(),
						form_token: null,
						attended_at: null,
						created_by: null,
						erased_at: null,
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				if (!application) continue;
				await trx
					.insertInto('sponsorship_applications')
					.values({
						meeting_id: meetingId,
						registration_id: registration.id,
						user_id: null,
						status: 'submitted',
						departure_city: application.from,
						airfare_centimes: application.airfare * 100,
						nights: application.nights,
						justification: application.justification,
						statement: application.statement.length ? 1 : 0,
						statement_items: JSON.stringify(application.statement === 'general' ? [] : application.statement.map(([n, sub]) => formatAgendaNumber(n, sub))),
						implementation_responsibility: application.implementation ? 1 : 0,
						endorsement: application.endorsed ? 'endorsed' : 'pending',
						endorsed_by: null,
						endorsed_at: application.endorsed ? now : null,
						submitted_at: now,
						cost_centimes: null,
						offer_sent_at: null,
						offer_deadline: null,
						responded_at: null,
						created_at: now,
						updated_at: now
					})
					.execute();
			}
		}
		await trx
			.updateTable('meetings')
			.set((eb) => ({ places_held: eb('places_held', '+', placesHeld) }))
			.where('id', '=', meetingId)
			.execute();
	});
}
