// The decisions area's front door: outcomes of meetings (decisions, recommendations, action points), the tasks that
// follow with their progress notes, the reminders the scheduler sends, minutes, and the Coordination Committee's view.
import { bindDb } from '../db';
import * as queries from './queries';
import * as store from './store';
import * as invitations from './invitations';

export type { OutcomeView, TaskView } from './queries';
export type { Refusal } from './store';
export type { InvitationResult } from './invitations';
export type { Audience, ReportGroup, OutcomeState } from './rules';
export type { FollowUpFilter } from './forms';

// Rules and forms: plain functions.
export {
	OUTCOME_KINDS,
	OUTCOME_KIND_LABELS,
	OWNER_KINDS,
	OWNER_KIND_LABELS,
	TASK_STATUSES,
	TASK_STATUS_LABELS,
	outcomeAudience,
	canRead,
	isClosed,
	isOverdue,
	groupReport,
	reportDay,
	csvCell
} from './rules';
export { invitationSchema } from './forms';
export { outcomeSchema, deleteOutcomeSchema, taskSchema, noteSchema, minutesSchema, followUpFilterSchema } from './forms';
export { FOLLOW_UP_LIMIT } from './queries';

/** The follow-up report as a PDF (no database: the route passes the report it loaded). */
export { followUpReportPdf, REPORT_PDF_TEXT, reportPdfText } from './report-pdf';

/** For the scheduler: called with the app's database. */
export { sendTaskReminders } from './reminders';
export { sendOverdueDigest } from './digest';

// Reads.
export const meetingOutcomes = bindDb(queries.meetingOutcomes);
export const outcomeWithMeeting = bindDb(queries.outcomeWithMeeting);
export const outcomeTasks = bindDb(queries.outcomeTasks);
export const followUpTasks = bindDb(queries.followUpTasks);
export const tasksOwnedBy = bindDb(queries.tasksOwnedBy);
export const committeeTasks = bindDb(queries.committeeTasks);
export const taskNotes = bindDb(queries.taskNotes);
export const previousMeeting = bindDb(queries.previousMeeting);
export const reportOutcomes = bindDb(queries.reportOutcomes);
export const ownerChoices = bindDb(queries.ownerChoices);
export const minutesOf = bindDb(queries.minutesOf);
export const committeeMeetings = bindDb(queries.committeeMeetings);
export const invitationList = bindDb(invitations.invitationList);

// Changes (audited).
export const addOutcome = bindDb(store.addOutcome);
export const updateOutcome = bindDb(store.updateOutcome);
export const deleteOutcome = bindDb(store.deleteOutcome);
export const addTask = bindDb(store.addTask);
export const addNote = bindDb(store.addNote);
export const saveMinutes = bindDb(store.saveMinutes);
export const inviteMembers = bindDb(invitations.inviteMembers);
