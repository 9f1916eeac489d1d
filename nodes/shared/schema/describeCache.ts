import type { DescribeSObjectResult } from '@jsforce/jsforce-node';

import { checkedObjectName } from '../soql/objectNames';

/**
 * Describes, fetched once per object for as long as the connection lives (one execution, or one
 * poll). Concurrent callers share the same request. The object name is checked before it goes into
 * a URL (an ObjectNameError when it cannot be one); an object the org does not have is an UnknownObjectError.
 */
export class DescribeCache {
	private readonly pending = new Map<string, Promise<DescribeSObjectResult>>();

	constructor(private readonly fetch: (objectName: string) => Promise<DescribeSObjectResult>) {}

	describe(objectName: string): Promise<DescribeSObjectResult> {
		let name: string;
		try {
			name = checkedObjectName(objectName);
		} catch (error) {
			return Promise.reject(error);
		}
		const key = name.toLowerCase();
		let result = this.pending.get(key);
		if (!result) {
			result = this.fetch(name);
			// A failed describe is not cached: the next caller asks again.
			result.catch(() => this.pending.delete(key));
			this.pending.set(key, result);
		}
		return result;
	}
}
