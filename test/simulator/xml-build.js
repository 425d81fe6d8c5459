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

/**
 * @param {XmlContent} node
 * @param {string | undefined} indent one level's indentation, or undefined for one line
 * @param {string} depth current indentation
 * @returns {string}
 */
function write(node, indent, depth = '') {
	if (typeof node === 'string') return escapeHtml(node);
	if ('raw' in node) return node.raw;
	const attrs = node.attributes.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
	if (node.children.length === 0) return `<${node.name}${attrs}/>`;
	const hasText = node.children.some((c) => typeof c === 'string');
	if (indent === undefined || hasText) {
		const inner = node.children.map((c) => write(c, undefined)).join('');
		return `<${node.name}${attrs}>${inner}</${node.name}>`;
	}
	const next = depth + indent;
	const inner = node.children.map((c) => `\n${next}${write(c, indent, next)}`).join('');
	return `<${node.name}${attrs}>${inner}\n${depth}</${node.name}>`;
}

/**
 * @param {XmlNode} root
 * @param {{ indent?: string }} [options] indent: write one element per line
 */
function toXml(root, options = {}) {
	return write(root, options.indent);
}

module.exports = { el, toXml };
