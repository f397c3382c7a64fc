import type { DocumentRow, MeetingKind } from '../db';
import type { SessionUser } from '../auth';

/**
 * Drafts and limited documents are for staff; a delegation also sees the statements it uploaded; the limited papers
 * of a Coordination Committee meeting are for its members too (the meeting's kind decides, so pass it when known).
 */
export function canSeeDocument(
	doc: Pick<DocumentRow, 'status' | 'distribution' | 'uploaded_by'>,
	user: SessionUser | null,
	meetingKind: MeetingKind | null = null
): boolean {
	if (user?.role === 'staff') return true;
	if (doc.status !== 'draft' && doc.distribution === 'general') return true;
	if (doc.status !== 'draft' && meetingKind === 'coordination_committee' && user?.role === 'cc_member') return true;
	return !!user && doc.uploaded_by === user.id;
}
