import type { IExecuteFunctions } from 'n8n-workflow';

export type BinaryStream = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/** An HTTP answer as the transport hands it on; `body` is the text, a stream or bytes. */
export interface HttpResponse<B = string> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: B;
}
