import type { IPollFunctions } from 'n8n-workflow';

import {
	redactionChoiceOf,
	type RedactionChoice,
} from '../../shared/closedCases/conversationParameters';
import { parameterError } from './parameterError';

/** Redact Personal Data's choice for an event's items (undefined while off); a bad value names its parameter. */
export function redactionOf(ctx: IPollFunctions): RedactionChoice | undefined {
	try {
		return redactionChoiceOf((name, fallback) => ctx.getNodeParameter(name, fallback));
	} catch (e) {
		throw parameterError(ctx, e);
	}
}
