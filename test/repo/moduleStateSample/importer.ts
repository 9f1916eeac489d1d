// A sample for moduleState.test.ts: a module-level array filled from another module.
import { queue } from './cache';

export function enqueue(item: string): void {
	queue.push(item);
}
