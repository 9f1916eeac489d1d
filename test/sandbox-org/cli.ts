// `npm run sandbox -- [--port N] [--seed S] [--cases N] [--json]`: a sandbox org on HTTP until
// Ctrl-C or SIGTERM. With --json it prints one line a script can read:
// {"url","clientId","clientSecret","username","password","privateKeyPath","certificatePath"}.

import { connectionJson, main, summaryText } from './demo/launch';

main('npm run sandbox --', process.argv.slice(2), { cases: 50 }, (running, options) =>
	options.json ? connectionJson(running) : `${summaryText(running)}\n\nPress Ctrl-C to stop.`,
).catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
	process.exit(1);
});
