import { CHAT_ITEM_FIELDS, chatItem } from '../../../shared/thread/chatItem';
import type { ItemShape } from '../common/genericOperations';

/** A chat's item as the trigger's Chat Ended makes it: its fields, case, contact and visitor, and its messages. */
export const CHAT_SHAPE: ItemShape = {
	fields: CHAT_ITEM_FIELDS,
	start: () => async (records) => records.map(chatItem),
};
