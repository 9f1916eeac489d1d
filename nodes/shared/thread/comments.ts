import { epochMs, isoDateTime } from '../salesforceDate';
import { tidyText } from './htmlToText';
import type { CaseCommentRecord, ShapedComment } from './types';

/** Case comments in time order; `internal` for the notes the customer never sees (IsPublished false). */
export function shapeComments(records: readonly CaseCommentRecord[]): ShapedComment[] {
	return records
		.map((record, index) => ({ record, index, at: epochMs(record.CreatedDate) }))
		.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.index - b.index)
		.map(({ record }) => {
			const comment: ShapedComment = {
				internal: record.IsPublished !== true,
				author: record.CreatedBy?.Name ?? '',
				date: isoDateTime(record.CreatedDate),
				text: tidyText(record.CommentBody ?? ''),
			};
			if (record.Id) comment.id = record.Id;
			return comment;
		});
}
