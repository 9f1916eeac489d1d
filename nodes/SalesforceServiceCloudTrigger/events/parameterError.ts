import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { ConversationOptionError } from '../../shared/closedCases/conversationParameters';
import { ConditionError } from '../../shared/soql/conditions';
import { FieldNameError } from '../../shared/soql/fieldNames';
import { ObjectNameError } from '../../shared/soql/objectNames';
import { FieldHistoryError } from '../../shared/records/fieldHistory';

/** A check of the Object, Fields or Conditions parameter, with the parameter named; any other error as it is. */
export function parameterError(ctx: IPollFunctions, e: unknown): unknown {
	if (e instanceof FieldNameError)
		return new NodeOperationError(ctx.getNode(), `Fields: ${e.message}`);
	if (e instanceof ConditionError)
		return new NodeOperationError(ctx.getNode(), `Conditions: ${e.message}`);
	if (e instanceof FieldHistoryError)
		return new NodeOperationError(ctx.getNode(), `Only When These Fields Change: ${e.message}`);
	if (e instanceof ObjectNameError)
		return new NodeOperationError(ctx.getNode(), `Object: ${e.message}`);
	if (e instanceof ConversationOptionError) return new NodeOperationError(ctx.getNode(), e.message);
	return e;
}
