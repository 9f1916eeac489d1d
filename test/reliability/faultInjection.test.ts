import { measureReliability } from './faultInjection';

// Random faults (503, a subrequest answered 500, cut-off answers, resets, a session that ends, the
// allowance spent, locked rows) over many create, update and upsert runs of up to 1,200 items, with
// Retry On Fail and continue on fail each on and off. Counted against the sandbox org afterwards.

it('writes every record at most once, and reports every record it wrote', async () => {
	const figures = await measureReliability({ seed: 20261205, runs: 80 });
	expect(figures.runs).toBe(80);
	expect(figures.faultsInjected).toBeGreaterThan(50);
	expect({
		duplicates: figures.duplicates,
		writtenButUnreported: figures.writtenButUnreported,
		reportedButUnwritten: figures.reportedButUnwritten,
	}).toEqual({
		duplicates: 0,
		writtenButUnreported: 0,
		reportedButUnwritten: 0,
	});
}, 90_000);
