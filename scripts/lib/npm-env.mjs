// Import first in every entry script that `npm run` starts. npm exports its own settings to the scripts it runs, and
// this project's .npmrc has ignore-scripts=true, so the npm commands these scripts start (install-n8n.sh's sqlite3
// rebuild, npm pack, npm install of the tarball into n8n's nodes folder) would inherit ignore-scripts, nodedir=/usr
// and this repo as their prefix. Drop those inherited settings; a user's own npm settings (registry, cache…) stay.
const INHERITED =
	/^npm_(config_(ignore_scripts|local_prefix|prefix|global_prefix|nodedir|node_gyp)$|lifecycle_|package_|command$|execpath$|node_execpath$)/i;

for (const key of Object.keys(process.env)) if (INHERITED.test(key)) delete process.env[key];
