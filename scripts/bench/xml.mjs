// `npm run bench -- --xml` (or `node scripts/bench/xml.mjs`): the package's own XML reader (readXml, from the built
// dist/) against the parser of n8n's XML node ("XML to JSON": xml2js with the node's options, from the real n8n 2.41.1
// install) on the same inputs: a ~100 KB e-Aadhaar with its photo, and a ~5 MB bundle of DigiLocker-like
// certificates. Throughput in MB/s (10^6 bytes), the median of interleaved rounds, under the Node that n8n runs on.
// Environment: XML_BENCH_ROUNDS (9), XML_BENCH_MS (300, the time each parser gets per input and round).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildPackage } from '../lib/build.mjs';
import { locateN8n, repoDir } from '../real-n8n/n8n-bin.mjs';

const ROUNDS = Number(process.env.XML_BENCH_ROUNDS ?? 9);
const MEASURE_MS = Number(process.env.XML_BENCH_MS ?? 300);
const IN_N8N_NODE = 'XML_BENCH_IN_N8N_NODE';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Builds the package, then runs this script again under n8n's Node 24, so both parsers run where n8n runs them. */
function relaunchUnderN8nNode() {
	buildPackage();
	const { nodeExe } = locateN8n();
	const result = spawnSync(nodeExe, [fileURLToPath(import.meta.url)], {
		stdio: 'inherit',
		env: { ...process.env, [IN_N8N_NODE]: '1' },
	});
	process.exitCode = result.status ?? 1;
}

/** Deterministic bytes (SHA-256 in counter mode), so every run reads the same photo. */
function pseudoRandomBytes(label, length) {
	const chunks = [];
	for (let i = 0; chunks.length * 32 < length; i++) {
		chunks.push(createHash('sha256').update(`${label}:${i}`).digest());
	}
	return Buffer.concat(chunks).subarray(0, length);
}

const corpusFile = (name) => fs.readFileSync(path.join(repoDir, 'test/xml/corpus', name), 'utf8');

/** The corpus e-Aadhaar with its photo grown until the document is about 100 KB. */
function eAadhaarWithPhoto() {
	const xml = corpusFile('eaadhaar-kannada.xml');
	const [photo] = /<Pht>[^<]*<\/Pht>/.exec(xml);
	const photoBytes = Math.floor(((100_000 - (Buffer.byteLength(xml) - photo.length)) * 3) / 4) - 12;
	const jpeg = Buffer.concat([
		Buffer.from('ffd8ffe000104a46494600', 'hex'),
		pseudoRandomBytes('photo', photoBytes),
	]);
	return xml.replace(photo, `<Pht>${jpeg.toString('base64')}</Pht>`);
}

/** All five corpus certificates (without their declarations), repeated inside one root until about 5 MB. */
function certificateBundle() {
	const certificates = fs
		.readdirSync(path.join(repoDir, 'test/xml/corpus'))
		.sort()
		.map((name) => corpusFile(name))
		.map((xml) => xml.slice(xml.indexOf('<Certificate')));
	const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<Documents source="bench">\n'];
	let bytes = Buffer.byteLength(parts[0]);
	for (let i = 0; bytes < 5_000_000; i++) {
		const part = `<Document index="${i}">${certificates[i % certificates.length]}</Document>\n`;
		parts.push(part);
		bytes += Buffer.byteLength(part);
	}
	parts.push('</Documents>\n');
	return parts.join('');
}

/** MB/s of `parse` on `input`, run for about MEASURE_MS. */
async function throughput(parse, input, bytes) {
	let runs = 0;
	const started = performance.now();
	let elapsed = 0;
	do {
		await parse(input);
		runs++;
		elapsed = performance.now() - started;
	} while (elapsed < MEASURE_MS);
	return (bytes * runs) / 1e6 / (elapsed / 1000);
}

async function main() {
	const { readXml } = createRequire(import.meta.url)(
		path.join(repoDir, 'dist/nodes/DigiLocker/xml/reader.js'),
	);
	const { n8nPrefix, version } = locateN8n();
	// Resolved from the XML node's own file, as the node itself resolves them.
	const xmlNodeFile = path.join(
		n8nPrefix,
		'node_modules/n8n-nodes-base/dist/nodes/Xml/Xml.node.js',
	);
	const requireFromXmlNode = createRequire(xmlNodeFile);
	const xml2js = requireFromXmlNode('xml2js');
	const { sanitizeXmlName } = requireFromXmlNode('n8n-workflow');
	// The XML node's options for "XML to JSON" with no option changed (Xml.node.js, execute()); a parser per item.
	const xmlNodeOptions = {
		mergeAttrs: true,
		explicitArray: false,
		tagNameProcessors: [sanitizeXmlName],
		attrNameProcessors: [sanitizeXmlName],
	};

	const parsers = {
		'readXml (Buffer)': (input) => readXml(input.buffer),
		'readXml (string)': (input) => readXml(input.string),
		'n8n XML node (xml2js)': (input) =>
			new xml2js.Parser(xmlNodeOptions).parseStringPromise(input.string),
	};
	const inputs = Object.entries({
		'e-Aadhaar with photo': eAadhaarWithPhoto(),
		'certificate bundle': certificateBundle(),
	}).map(([name, string]) => ({ name, string, buffer: Buffer.from(string) }));

	for (const input of inputs) {
		const tree = readXml(input.buffer);
		const json = await parsers['n8n XML node (xml2js)'](input);
		if (!json[tree.name]) throw new Error(`${input.name}: the parsers disagree on the root`);
	}

	const results = new Map();
	for (let round = 0; round <= ROUNDS; round++) {
		for (const input of inputs) {
			// Interleaved: each round runs the parsers in a rotated order. Round 0 only warms up.
			const names = Object.keys(parsers);
			const order = names.map((_, i) => names[(i + round) % names.length]);
			for (const name of order) {
				const mbPerSecond = await throughput(parsers[name], input, input.buffer.length);
				const key = `${input.name}\t${name}`;
				if (round > 0) results.set(key, [...(results.get(key) ?? []), mbPerSecond]);
			}
		}
	}

	console.log(
		`\n== XML: readXml vs n8n's XML node (xml2js), n8n ${version}, Node ${process.version}, ` +
			`${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)} ==`,
	);
	console.log(
		`median MB/s of ${ROUNDS} interleaved rounds of ~${MEASURE_MS} ms (min-max in brackets)`,
	);
	for (const input of inputs) {
		const row = (name) => {
			const values = results.get(`${input.name}\t${name}`);
			return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
		};
		console.log(`${input.name}, ${(input.buffer.length / 1e6).toFixed(2)} MB:`);
		for (const name of Object.keys(parsers)) {
			const { median: value, min, max } = row(name);
			console.log(
				`  ${name.padEnd(22)} ${value.toFixed(1).padStart(7)} MB/s  [${min.toFixed(1)}-${max.toFixed(1)}]`,
			);
		}
		const speedUp = row('readXml (string)').median / row('n8n XML node (xml2js)').median;
		console.log(`  readXml is ${speedUp.toFixed(1)}× the XML node's parser on the same string`);
	}
	// n8n's XML node reads a string property, decoded earlier (by the HTTP Request node, say); readXml (Buffer) pays
	// for that decoding itself (TextDecoder, fatal), which is slow on any non-ASCII text, Kannada here.
	console.log(
		'readXml (Buffer) includes decoding the UTF-8 bytes; the XML node is handed a decoded string',
	);
	console.log('reproduce: npm run bench -- --xml');
}

if (process.env[IN_N8N_NODE]) await main();
else relaunchUnderN8nNode();
