declare module 'lodash/get' {
	/** n8n's credentials tester reads a rule's key with lodash's `get`; the tests use the same function. */
	export default function get(object: unknown, path: string): unknown;
}
