// The records area's front door: documents with UN symbols, their files per language, statements, and search.
// Routes and other areas import from here only. Functions without a database argument are bound to the app's database.
import { bindDb } from '../db';
import * as queries from './queries';
import * as documentPage from './document-page';
import * as downloads from './downloads';
import * as statements from './statements';
import * as store from './store';

export type { DocumentSearch } from './queries';
/** One of a meeting's documents as listed on its pages, with the languages it has files in. */
export type MeetingDocument = Awaited<ReturnType<typeof queries.meetingDocuments>>[number];
export type { UploadResult, NewDocument, CreateResult } from './store';
export type { StatementResult } from './statements';
export type { Download } from './downloads';
export type { Series, ParsedSymbol } from './symbols';
export type { Language, DocumentType, DocumentMime } from './files';
export type { DocumentRow, DocumentStatus } from '../db';

// Rules and forms: plain functions.
export { canSeeDocument } from './access';
export {
	LANGUAGES,
	LANGUAGE_CODES,
	isLanguage,
	ALLOWED_DOCUMENT_TYPES,
	ALLOWED_DOCUMENT_MIMES,
	isAllowedDocumentMime,
	MAX_DOCUMENT_BYTES,
	DOCUMENT_TYPES,
	DOCUMENT_TYPE_LABELS,
	isDocumentType,
	compareDocumentTypes,
	placeholderPdf
} from './files';
export { documentMetaSchema, newDocumentSchema } from './forms';
export { parseSymbol, formatSymbol, baseSymbol, compareSymbols, symbolToPath, pathToSymbol, downloadName, SYMBOL_HINT } from './symbols';
export { SEARCH_PAGE_SIZE, searchForm } from './queries';
/** Titles in the page's language, English where not translated (migration 0020). */
export { titleIn, localized, type ShownTitle } from '../db';

// Reads.
export const searchDocuments = bindDb(queries.searchDocuments);
export const languagesOf = bindDb(queries.languagesOf);
export const meetingDocuments = bindDb(queries.meetingDocuments);
export const getDocumentBySymbol = bindDb(queries.getDocumentBySymbol);
export const getDocument = bindDb(queries.getDocument);
export const documentFiles = bindDb(queries.documentFiles);
export const versionsOf = bindDb(queries.versionsOf);
export const speakingFor = bindDb(statements.speakingFor);
export const publishedStatements = bindDb(statements.publishedStatements);
export const statementsUploadedBy = bindDb(statements.statementsUploadedBy);
export const visibleDocument = bindDb(downloads.visibleDocument);
export const findDownload = bindDb(downloads.findDownload);
export const documentBySymbol = bindDb(documentPage.documentBySymbol);

// Changes (audited).
export const proposedSymbol = bindDb(store.proposedSymbol);
export const createDocument = bindDb(store.createDocument);
export const updateDocument = bindDb(store.updateDocument);
export const attachFile = bindDb(store.attachFile);
export const publishDocument = bindDb(store.publishDocument);
export const withdrawDocument = bindDb(store.withdrawDocument);
export const uploadStatement = bindDb(statements.uploadStatement);
