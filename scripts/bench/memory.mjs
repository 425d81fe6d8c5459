// Peak resident memory of the n8n process running one workflow, sampled from /proc (VmHWM is useless: start-up sets it).
import fs from 'node:fs';

function rssKb(pid) {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

function findPids(marker) {
	const pids = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker))
				pids.push(Number(entry));
		} catch {
			// the process ended while we looked
		}
	}
	return pids;
}

/** Samples every `intervalMs` the summed RSS of processes whose command line holds `marker`, until stop(). */
export function sampleRss(marker, intervalMs = 50) {
	let peakKb = 0;
	const timer = setInterval(() => {
		const total = findPids(marker).reduce((sum, pid) => sum + rssKb(pid), 0);
		peakKb = Math.max(peakKb, total);
	}, intervalMs);
	return { stop: () => (clearInterval(timer), Math.round(peakKb / 1024)) };
}
