import type { Handle } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

/**
 * A page that shows an error summary (a refused form, without JavaScript) gets a title starting "Error:", so a screen
 * reader says at once that the form was refused. The page sets its own title; the summary marks itself.
 */
export const errorTitle: Handle = ({ event, resolve }) => {
	// Read here, inside the request: "Error:", "Erreur :".
	const prefix = `<title>${m.auth_error_title_prefix()} `;
	return resolve(event, {
		transformPageChunk: ({ html }) => (html.includes('data-error-summary') && !html.includes(prefix) ? html.replace('<title>', prefix) : html)
	});
};
