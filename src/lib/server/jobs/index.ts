import type { DbHandle } from '../db';
import { isuAddress, sendDueMail, sendIsuDigest, smtpSender } from '../mail';
import { expireDueOffers } from '../sponsorship';
import { releaseUnconfirmed } from '../registration';
import { sendOverdueDigest, sendTaskReminders } from '../decisions';
import { HOUR, MINUTE } from '../time';
import { createScheduler, type Job, type Scheduler } from './scheduler';

export { createScheduler, type Job, type Scheduler } from './scheduler';

/** Every timed job of the app: nothing of this runs inside a page view. */
export function appJobs(handle: DbHandle, env: NodeJS.ProcessEnv = process.env): Job[] {
	// Links in the mails the jobs queue; the scripts set ORIGIN, as production must.
	const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
	const jobs: Job[] = [
		{ name: 'sponsorship.expire-offers', everyMs: MINUTE, run: () => expireDueOffers(handle.db, origin) },
		{ name: 'registration.release-unconfirmed', everyMs: HOUR, run: () => releaseUnconfirmed(handle.db, origin) }
	];
	// Runs whatever ISU_NOTIFICATIONS says: notifications collected before a switch back to "each" still go out.
	jobs.push({ name: 'mail.isu-digest', everyMs: 15 * MINUTE, run: () => sendIsuDigest(handle.db) });
	jobs.push({ name: 'decisions.task-reminders', everyMs: 15 * MINUTE, run: () => sendTaskReminders(handle.db, origin) });
	// Hourly, but one mail a day at most: the day's row decides (decisions/digest.ts).
	jobs.push({ name: 'decisions.overdue-digest', everyMs: HOUR, run: () => sendOverdueDigest(handle.db, origin, isuAddress(env)) });
	const smtp = smtpSender(env);
	if (smtp) jobs.push({ name: 'mail.send', everyMs: 5000, run: () => sendDueMail(handle.db, smtp.transport, smtp.from) });
	const sqlite = handle.sqlite;
	if (sqlite) {
		// Table statistics let SQLite pick the indexes (e.g. a search limited to one year). They must follow the data:
		// statistics of a table that has since grown tenfold mislead the planner (a session lookup that scanned every
		// user). `optimize` re-analyses only such tables, sampling at most analysis_limit rows: about 1 ms when nothing
		// changed, so every minute.
		jobs.push({ name: 'sqlite.optimize', everyMs: MINUTE, run: async () => sqlite.pragma('optimize') });
	}
	return jobs;
}

/** Started once from the server's init. */
export function startJobs(handle: DbHandle, env: NodeJS.ProcessEnv = process.env): Scheduler {
	const scheduler = createScheduler(handle.db, appJobs(handle, env));
	scheduler.start();
	return scheduler;
}
