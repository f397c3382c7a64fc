import type { Db } from '../db';

/** Meetings with a sponsorship programme, latest first; an unpublished meeting only for staff, as everywhere else. */
export function meetingsWithSponsorship(db: Db, includeDrafts: boolean) {
	return db
		.selectFrom('sponsorship_programmes as p')
		.innerJoin('meetings as m', 'm.id', 'p.meeting_id')
		.select(['m.slug', 'm.code', 'm.title', 'm.start_date'])
		.$if(!includeDrafts, (q) => q.where('m.status', '!=', 'draft'))
		.orderBy('m.start_date', 'desc')
		.execute();
}

/** Every stored version of the criteria, latest first. */
export function criteriaVersions(db: Db) {
	return db.selectFrom('criteria_sets').select(['version', 'adopted_at', 'created_at']).orderBy('version', 'desc').execute();
}
