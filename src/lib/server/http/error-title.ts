import type { Handle } from '@sveltejs/kit';

/**
 * A page that shows an error summary (a refused form, without JavaScript) gets a title starting "Error:", so a screen
 * reader says at once that the form was refused. The page sets its own title; the summary marks itself.
 */
export const errorTitle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.includes('data-error-summary') && !html.includes('<title>Error: ') ? html.replace('<title>', '<title>Error: ') : html
	});
