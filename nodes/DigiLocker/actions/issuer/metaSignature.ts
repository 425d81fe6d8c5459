import { createHash } from 'node:crypto';

export interface MetaRequestFields {
	orgid?: string;
	doctype?: string;
}

/**
 * The form of DigiLocker's client-level meta APIs: clientid, ts (Unix seconds) and hmac, the hex SHA-256 of
 * client_secret + clientid [+ orgid [+ doctype]] + ts. Specification v2.4 adds orgid/doctype to the hashed text.
 */
export function signMetaRequest(
	app: { clientId: string; clientSecret: string },
	fields: MetaRequestFields,
	nowSeconds: number,
): Record<string, string> {
	const ts = String(nowSeconds);
	const hashed = [
		app.clientSecret,
		app.clientId,
		fields.orgid ?? '',
		fields.doctype ?? '',
		ts,
	].join('');
	const form: Record<string, string> = { clientid: app.clientId, ts };
	if (fields.orgid !== undefined) form.orgid = fields.orgid;
	if (fields.doctype !== undefined) form.doctype = fields.doctype;
	form.hmac = createHash('sha256').update(hashed).digest('hex');
	return form;
}
