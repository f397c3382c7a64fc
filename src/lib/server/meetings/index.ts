// The meetings area's front door: meetings, their agenda and programme, calendars. Routes and other areas import
// from here only. Functions without a database argument are bound to the app's database (for routes); the few that
// take one are for other areas' transactions.
import { bindDb, contentVersion } from '../db';
import * as agendaStore from './agenda-store';
import * as queries from './queries';
import * as sessionStore from './session-store';
import { loadCalMeetings as loadCal } from './public';

export type { MeetingFilter, SaveResult, CapacityRaised, SessionWithItems } from './queries';
export type { Phase, Window } from './rules';
export type { MeetingInput } from './forms';
export type { CalMeeting, CalSession } from './calendar';
export { MEETING_KINDS, type Meeting, type MeetingKind, type MeetingStatus, type AgendaItem } from '../db';

// Rules, forms and formatting: plain functions.
export { meetingPhase, windowState, roomOverlaps, sessionTimeErrors, nextDate, slugFromCode, agendaBlocks, moveAgendaItem } from './rules';
export { meetingSchema, sessionSchema, agendaItemSchema, agendaEditSchema, agendaImportSchema, idSchema, moveSchema, localDateTime } from './forms';
export { meetingFormValues } from './form-values';
export { formatAgendaNumber, parseAgendaText, compareAgendaNumbers, renumber, subLetter } from './agenda';
export { formatDay, formatTime, localDate, utcToLocalInput, localToUtc, zoneAbbreviation, zoneOffsetLabel, isValidTimeZone } from './zoned-time';
export { buildMeetingCalendar, buildSessionCalendar, calendarEtag, googleCalendarLink, outlookLink, sessionLinkEvent } from './calendar';
export { CALENDAR_HOST, icsResponse } from './public';
export { VersionedCache } from '../db';
/** Titles in the page's language, English where not translated (migration 0020). */
export { titleIn, localized, type ShownTitle } from '../db';

// Reads.
export const listMeetings = bindDb(queries.listMeetings);
export const meetingYears = bindDb(queries.meetingYears);
export const getMeeting = bindDb(queries.getMeeting);
export const meetingRef = bindDb(queries.meetingRef);
export const listAgenda = bindDb(queries.listAgenda);
export const agendaUsage = bindDb(queries.agendaUsage);
export const listSessions = bindDb(queries.listSessions);
export const loadCalMeetings = bindDb(loadCal);
/** Moves on every change to what the programme, agenda and calendar pages show. */
export const programmeVersion = bindDb((db) => contentVersion(db, 'programme'));

// Staff changes (each audited in its own transaction).
export const createMeeting = bindDb(queries.createMeeting);
export const updateMeeting = bindDb(queries.updateMeeting);
export const setMeetingStatus = bindDb(queries.setMeetingStatus);
export const addAgendaItem = bindDb(agendaStore.addAgendaItem);
export const editAgendaItem = bindDb(agendaStore.editAgendaItem);
export const deleteAgendaItem = bindDb(agendaStore.deleteAgendaItem);
export const moveAgenda = bindDb(agendaStore.moveAgenda);
export const renumberAgenda = bindDb(agendaStore.renumberAgenda);
export const importAgenda = bindDb(agendaStore.importAgenda);
export const saveSession = bindDb(sessionStore.saveSession);
export const deleteSession = bindDb(sessionStore.deleteSession);
export { sessionTimes } from './session-store';

// For other areas, inside their own transactions.
export { touchMeeting } from './queries';
export { getMeeting as getMeetingIn } from './queries';
export { loadCal as loadCalMeetingsIn };
