import type { IDataObject, INode } from 'n8n-workflow';
import type { SubmissionStatus } from '../transport';

/** What SEEK Pass does not know is reported as such, never dropped; status stays filterable. */
export const NOT_FOUND_STATUS = 'not_found';

/**
 * The output key of the id: `submissionId` from node version 2, the name Add outputs and the
 * status operations read, so a person maps the same name through the flow; version 1 keeps `id`.
 */
export function statusIdKey(node: INode): 'id' | 'submissionId' {
	return node.typeVersion >= 2 ? 'submissionId' : 'id';
}

/** One submission's status as the node outputs it, found or not. */
export function statusItem(
	key: 'id' | 'submissionId',
	id: string,
	status: SubmissionStatus | undefined,
): IDataObject {
	if (!status) return { [key]: id, found: false, status: NOT_FOUND_STATUS, finalized_at: null };
	return {
		[key]: id,
		found: true,
		status: status.status,
		finalized_at: status.finalized_at ?? null,
	};
}
