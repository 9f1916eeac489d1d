// `npm start [-- --port N --seed S --cases N]`: the package's sandbox Salesforce org with demo data
// (seed 1, 200 cases by default), and how to reach it.

import { connectionJson, curlExamples, main, summaryText } from '../test/sandbox-org/demo/launch';

main('npm start --', process.argv.slice(2), { cases: 200 }, (running, options) => {
	if (options.json) return connectionJson(running);
	const [token, query] = curlExamples(running);
	return [
		summaryText(running),
		'',
		'Try it (bash/zsh; the org speaks the real Salesforce REST API):',
		'',
		'  # 1. Get an access token (OAuth 2.0 client credentials flow):',
		`  ${token}`,
		'',
		'  # 2. The latest closed cases with their email threads (SOQL):',
		`  ${query}`,
		'',
		`Use the demo user and connected app above as the credentials of the n8n Salesforce Service Cloud nodes (instance URL ${running.url}).`,
		'Press Ctrl-C to stop.',
	].join('\n');
}).catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	process.exit(1);
});
