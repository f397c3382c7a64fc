import { z } from 'zod';
import { text } from '../forms';
import { DOCUMENT_TYPES } from './files';

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.pipe(z.number().int().positive().nullable());

export const documentMetaSchema = z.object({
	title: text('Title', 500),
	type: z.enum(DOCUMENT_TYPES, { error: 'Choose a type of document.' }),
	agenda_item_id: optionalId,
	organization_id: optionalId,
	distribution: z.enum(['general', 'limited'], { error: 'Choose general or limited distribution.' })
});

export const newDocumentSchema = documentMetaSchema.extend({
	kind: z.enum(['new', 'revision', 'corrigendum']).default('new'),
	symbol: z.string().max(200, 'That symbol is too long.').default(''),
	series: z.enum(['main', 'WP', 'INF', 'L']).default('main')
});
