import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: after the server answers, keep what the user typed (as the page without
 * JavaScript shows it) but empty every password field. `setBusy` follows the request.
 */
export function keepInput(setBusy?: (busy: boolean) => void): SubmitFunction {
	return () => {
		setBusy?.(true);
		return async ({ formElement, update }) => {
			try {
				await update({ reset: false });
			} finally {
				for (const el of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) el.value = '';
				setBusy?.(false);
			}
		};
	};
}
