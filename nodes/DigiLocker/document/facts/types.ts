import type { IDataObject } from 'n8n-workflow';

import type { DocumentPhoto } from './photo';

/** `minimal`: identity facts only (no photo, no local-language data, no document fields); `full`: everything. */
export type Detail = 'minimal' | 'full';

export interface Facts {
	data: IDataObject;
	photo?: DocumentPhoto;
}
