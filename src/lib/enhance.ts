import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: when the server refuses the input, keep what the user typed (as the page without
 * JavaScript shows it); on success start from a fresh form, so nothing is submitted twice by mistake.
 * Edit forms pass `resetOnSuccess: false` to show the saved values. Password fields are always emptied.
 */
export function keepInput(opts: { busy?: (busy: boolean) => void; resetOnSuccess?: boolean } = {}): SubmitFunction {
	const { busy: setBusy, resetOnSuccess = true } = opts;
	return () => {
		setBusy?.(true);
		return async ({ formElement, update, result }) => {
			try {
				await update({ reset: resetOnSuccess && result.type === 'success' });
			} finally {
				for (const el of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) el.value = '';
				setBusy?.(false);
			}
		};
	};
}
