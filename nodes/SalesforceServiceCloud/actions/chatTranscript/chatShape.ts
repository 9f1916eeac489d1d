import { CHAT_ITEM_FIELDS, chatItem } from '../../../shared/thread/chatItem';
import type { ItemShape } from '../common/itemShape';

/** A chat's item as the trigger's Chat Ended makes it: its fields, case, contact and visitor, and its messages. */
export const CHAT_SHAPE: ItemShape = {
	fields: CHAT_ITEM_FIELDS,
	start: () => ({ shape: async (records) => records.map((record) => chatItem(record)) }),
};
