import { z } from 'zod';
import { formObject, text, titleTranslationFields } from '../forms';
import { DOCUMENT_TYPES } from './files';
import { parseSymbol } from './symbols';

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.pipe(z.number().int().positive().nullable());

const documentMetaFields = {
	title: text('Title', 500),
	...titleTranslationFields(500),
	type: z.enum(DOCUMENT_TYPES, { error: 'Choose a type of document.' }),
	agenda_item_id: optionalId,
	organization_id: optionalId,
	distribution: z.enum(['general', 'limited'], { error: 'Choose general or limited distribution.' })
};

export const documentMetaSchema = z.object(documentMetaFields);

export const newDocumentSchema = formObject(
	{
		...documentMetaFields,
		kind: z.enum(['new', 'revision', 'corrigendum']).default('new'),
		symbol: z.string().max(200, 'That symbol is too long.').default(''),
		series: z.enum(['main', 'WP', 'INF', 'L']).default('main')
	},
	// The symbol's shape against the kind, told with the other fields; whether it exists is for createDocument.
	(d, refuse) => {
		if (d.kind === undefined || d.symbol === undefined) return;
		if (d.kind !== 'new' && !d.symbol.trim()) {
			refuse('symbol', `Give the symbol of the document to ${d.kind === 'revision' ? 'revise' : 'correct'}, e.g. CCM/MSP/2019/3.`);
			return;
		}
		if (!d.symbol.trim()) return;
		const p = parseSymbol(d.symbol);
		if (!p.ok) refuse('symbol', p.message);
		else if (d.kind === 'new' && (p.symbol.revision || p.symbol.corrigendum))
			refuse('symbol', 'For a revision or a corrigendum, choose “Revision of” or “Corrigendum to” and give the original symbol.');
	}
);
