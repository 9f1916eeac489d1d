import type { Connection, DescribeSObjectResult } from '@jsforce/jsforce-node';

import { checkedObjectName, noSuchObject } from '../soql/objectNames';

/** Whether Salesforce answered that the object does not exist (404 NOT_FOUND). */
function isNotFound(error: unknown): boolean {
	const e = error as { errorCode?: string; name?: string; data?: { errorCode?: string } } | undefined;
	return e?.errorCode === 'NOT_FOUND' || e?.name === 'NOT_FOUND' || e?.data?.errorCode === 'NOT_FOUND';
}

/**
 * Describes, fetched once per object for as long as the connection lives (one execution, or one
 * poll). Concurrent callers share the same request. The object name is checked before it goes into
 * a URL (an ObjectNameError when it cannot be one), and an object the org does not have is said so.
 */
export class DescribeCache {
	private readonly pending = new Map<string, Promise<DescribeSObjectResult>>();
	constructor(private readonly conn: Connection) {}

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
			result = this.conn.describe(name).catch((error: unknown) => {
				throw isNotFound(error) ? noSuchObject(name) : error;
			});
			// A failed describe is not cached: the next caller asks again.
			result.catch(() => this.pending.delete(key));
			this.pending.set(key, result);
		}
		return result;
	}
}
