import type { Db } from '../db';
import { audit, type Actor } from '../audit';
import { registrationsCsv } from './csv';
import { CATEGORY_LABELS } from './rules';
import { listRegistrations, type RegistrationFilter } from './queries';

const COLUMNS = [
	{ key: 'id', header: 'ID' },
	{ key: 'status', header: 'Status' },
	{ key: 'organization', header: 'Organisation' },
	{ key: 'category', header: 'Category' },
	{ key: 'region', header: 'Region' },
	{ key: 'role', header: 'Role' },
	{ key: 'title', header: 'Title' },
	{ key: 'given_name', header: 'Given name' },
	{ key: 'family_name', header: 'Family name' },
	{ key: 'gender', header: 'Gender' },
	{ key: 'position', header: 'Position' },
	{ key: 'email', header: 'E-mail' },
	{ key: 'phone', header: 'Phone' },
	{ key: 'consent_published', header: 'Consents to publication' },
	{ key: 'access_needs', header: 'Access needs' },
	{ key: 'attended_at', header: 'Checked in' },
	{ key: 'created_at', header: 'Registered' }
];

/** The staff CSV of a meeting's registrations. Personal data leaving the system: who took it, and when, is audited. */
export async function exportRegistrationsCsv(db: Db, actor: Actor, meetingId: number, filter: RegistrationFilter): Promise<string> {
	const rows = await listRegistrations(db, meetingId, filter);
	const csv = registrationsCsv(
		rows.map((r) => ({ ...r, category: CATEGORY_LABELS[r.category], consent_published: r.consent_published ? 'yes' : 'no' })),
		COLUMNS
	);
	await audit(db, actor, 'registration.export_csv', { type: 'meeting', id: meetingId }, null, { rows: rows.length });
	return csv;
}
