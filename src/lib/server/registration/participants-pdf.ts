import { contentVersion, VersionedCache, type Db } from '../db';
import { participantGroups, pdfMeeting } from './lists';
import { participantsPdf } from './pdf';
import { listParticipants } from './queries';
import type { Locale } from '$lib/i18n';

type ListedMeeting = Parameters<typeof pdfMeeting>[0] & { id: number };

/** Made PDFs by meeting, one cache per database (tests open many), checked against the participants version. */
const kept = new WeakMap<Db, VersionedCache<Buffer>>();

/**
 * The public list of participants as a PDF, made once and kept until the list can have changed: the `participants`
 * content version (migration 0021) moves with every change to what the list prints, in any app process. The tag
 * names the version, so a browser that has it gets a 304.
 */
export async function keptParticipantsPdf(db: Db, meeting: ListedMeeting, locale: Locale = 'en'): Promise<{ pdf: Buffer; etag: string }> {
	const version = await contentVersion(db, 'participants');
	let cache = kept.get(db);
	if (!cache) kept.set(db, (cache = new VersionedCache<Buffer>(20)));
	const pdf = await cache.get(`${meeting.id}-${locale}`, version, async () =>
		participantsPdf(pdfMeeting(meeting, locale), participantGroups(await listParticipants(db, meeting.id), locale), locale)
	);
	return { pdf, etag: `W/"participants-${meeting.id}-${locale}-${version}"` };
}
