import type { DescribeSObjectResult } from '@jsforce/jsforce-node';

/**
 * Describes, fetched once per object for as long as the connection lives (one execution, or one
 * poll). Concurrent callers share the same request.
 */
export class DescribeCache {
	private readonly pending = new Map<string, Promise<DescribeSObjectResult>>();

	constructor(private readonly fetch: (objectName: string) => Promise<DescribeSObjectResult>) {}

	describe(objectName: string): Promise<DescribeSObjectResult> {
		const key = objectName.toLowerCase();
		let result = this.pending.get(key);
		if (!result) {
			result = this.fetch(objectName);
			// A failed describe is not cached: the next caller asks again.
			result.catch(() => this.pending.delete(key));
			this.pending.set(key, result);
		}
		return result;
	}
}
