import type { DescribeSObjectResult } from '@jsforce/jsforce-node';

import { checkedObjectName, isObjectName } from '../soql/objectNames';

/**
 * Describes, fetched once per object for as long as the connection lives (one execution, or one
 * poll). Concurrent callers share the same request. The object name is checked before it goes into
 * a URL (an ObjectNameError when it cannot be one); an object the org does not have is an UnknownObjectError.
 */
export class DescribeCache {
	private readonly pending = new Map<string, Promise<DescribeSObjectResult>>();

	constructor(
		private readonly fetch: (objectName: string) => Promise<DescribeSObjectResult>,
		private readonly fetchMany?: (
			objectNames: string[],
		) => Promise<Map<string, DescribeSObjectResult>>,
	) {}

	/**
	 * Fetches the describes of these objects that are not cached yet, all in one request where there
	 * are several (a field path such as Owner.Name needs Group and User). Names that are not object
	 * names, and objects Salesforce gave no describe for, are left to `describe`, which says why.
	 */
	async prefetch(objectNames: string[]): Promise<void> {
		const wanted = new Map<string, string>();
		for (const raw of objectNames) {
			if (!isObjectName(raw)) continue;
			const key = raw.toLowerCase();
			if (!this.pending.has(key)) wanted.set(key, raw);
		}
		if (wanted.size < 2 || !this.fetchMany) return;
		const answered = await this.fetchMany([...wanted.values()]);
		for (const [name, describe] of answered) {
			if (!this.pending.has(name.toLowerCase()))
				this.pending.set(name.toLowerCase(), Promise.resolve(describe));
		}
	}

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
