'use strict';

/**
 * A small element tree for writing simulated XML documents, written either on one line (as most
 * DigiLocker answers are) or indented (as some issuers' are). Attributes keep the order given;
 * values and text are escaped.
 */

const { escapeHtml } = require('./http-util');

/**
 * @typedef {object} XmlNode
 * @property {string} name
 * @property {Array<[string, string]>} attributes
 * @property {XmlContent[]} children
 */

/** @typedef {XmlNode | string | { raw: string }} XmlContent a child element, text, or XML written as is */

/**
 * @param {string} name
 * @param {Record<string, string | undefined> | Array<[string, string]>} [attributes] undefined values are left out
 * @param {Array<XmlContent | undefined | false>} [children] falsy entries are left out
 * @returns {XmlNode}
 */
function el(name, attributes = {}, children = []) {
	const pairs = Array.isArray(attributes)
		? attributes
		: /** @type {Array<[string, string]>} */ (
				Object.entries(attributes).filter(([, v]) => typeof v === 'string')
			);
	return {
		name,
		attributes: pairs,
		children: /** @type {XmlContent[]} */ (children.filter((c) => c !== undefined && c !== false)),
	};
}

const CANONICAL_TEXT = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const CANONICAL_ATTRIBUTE = {
	'&': '&amp;',
	'<': '&lt;',
	'"': '&quot;',
	'\t': '&#x9;',
	'\n': '&#xA;',
	'\r': '&#xD;',
};

/** The two ways of writing: as documents are sent, or canonical (Canonical XML 1.0, for signing). */
const STYLES = {
	plain: {
		text: escapeHtml,
		attribute: escapeHtml,
		attributes: (pairs) => pairs,
		empty: (name, attrs) => `<${name}${attrs}/>`,
	},
	canonical: {
		text: (value) => String(value).replace(/[&<>\r]/g, (c) => CANONICAL_TEXT[c]),
		attribute: (value) => String(value).replace(/[&<"\t\n\r]/g, (c) => CANONICAL_ATTRIBUTE[c]),
		attributes: (pairs) => [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
		empty: (name, attrs) => `<${name}${attrs}></${name}>`,
	},
};

/**
 * @param {XmlContent} node
 * @param {string | undefined} indent one level's indentation, or undefined for one line
 * @param {string} depth current indentation
 * @param {typeof STYLES.plain} style
 * @returns {string}
 */
function write(node, indent, depth = '', style = STYLES.plain) {
	if (typeof node === 'string') return style.text(node);
	if ('raw' in node) return node.raw;
	const attrs = style
		.attributes(node.attributes)
		.map(([k, v]) => ` ${k}="${style.attribute(v)}"`)
		.join('');
	if (node.children.length === 0) return style.empty(node.name, attrs);
	const hasText = node.children.some((c) => typeof c === 'string');
	if (indent === undefined || hasText) {
		const inner = node.children.map((c) => write(c, undefined, '', style)).join('');
		return `<${node.name}${attrs}>${inner}</${node.name}>`;
	}
	const next = depth + indent;
	const inner = node.children.map((c) => `\n${next}${write(c, indent, next, style)}`).join('');
	return `<${node.name}${attrs}>${inner}\n${depth}</${node.name}>`;
}

/**
 * @param {XmlNode} root
 * @param {{ indent?: string }} [options] indent: write one element per line
 */
function toXml(root, options = {}) {
	return write(root, options.indent);
}

/**
 * The canonical form (Canonical XML 1.0) of what `toXml` writes, for a tree without namespaces: attributes sorted,
 * empty elements as start and end tags, canonical escapes. `raw` children are written as they are.
 * @param {XmlNode} root
 * @param {{ indent?: string }} [options]
 */
function toCanonicalXml(root, options = {}) {
	return write(root, options.indent, '', STYLES.canonical);
}

module.exports = { el, toXml, toCanonicalXml };
