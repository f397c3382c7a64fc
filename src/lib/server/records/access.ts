import type { DocumentRow } from '../db';
import type { SessionUser } from '../auth';

/** Drafts and limited documents are for staff; a delegation also sees the statements it uploaded. */
export function canSeeDocument(doc: Pick<DocumentRow, 'status' | 'distribution' | 'uploaded_by'>, user: SessionUser | null): boolean {
	if (user?.role === 'staff') return true;
	if (doc.status !== 'draft' && doc.distribution === 'general') return true;
	return !!user && doc.uploaded_by === user.id;
}
