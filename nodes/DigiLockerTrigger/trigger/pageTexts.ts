import type { IDataObject } from 'n8n-workflow';

import type { PageText } from './pages';
import type { Outcome } from './outcomes';

export const DEFAULT_PAGE_TEXTS: Record<Outcome, PageText> = {
	granted: {
		title: 'DigiLocker is connected',
		message: 'Thank you. Your documents are being fetched; you can close this page.',
	},
	denied: {
		title: 'Consent was declined',
		message: 'You chose not to share your DigiLocker documents, so nothing was shared.',
	},
	expired: {
		title: 'This link has expired',
		message: 'The consent took too long. Please start again.',
	},
	failed: {
		title: 'DigiLocker could not be connected',
		message: 'Something went wrong on the way back from DigiLocker. Please start again.',
	},
	invalid: {
		title: 'This link is not valid',
		message: 'Please start again from the page that sent you to DigiLocker, in the same browser.',
	},
};

/** The page text of an outcome: the node's Page Texts where given, the defaults elsewhere. */
export function pageTextFor(outcome: Outcome, configured: IDataObject): PageText {
	const pick = (key: string, fallback: string) => {
		const value = configured[key];
		return typeof value === 'string' && value.trim() !== '' ? value : fallback;
	};
	const defaults = DEFAULT_PAGE_TEXTS[outcome];
	return {
		title: pick(`${outcome}Title`, defaults.title),
		message: pick(`${outcome}Message`, defaults.message),
	};
}
