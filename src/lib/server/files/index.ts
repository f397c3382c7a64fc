// The files area's front door: uploads checked by content, stored once by SHA-256 under DATA_DIR/files.
export { MIME_LABELS, checkUpload, safeName, readStoredFile, type UploadCheck } from './store';

/** For other areas: store checked bytes (the row goes in with their database or transaction). */
export { storeFile } from './store';
