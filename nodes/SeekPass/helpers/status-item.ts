import type { IDataObject } from 'n8n-workflow';
import type { SubmissionStatus } from '../transport';

/** What SEEK Pass does not know is reported as such, never dropped; status stays filterable. */
export const NOT_FOUND_STATUS = 'not_found';

/** One submission's status as the node outputs it, found or not. */
export function statusItem(id: string, status: SubmissionStatus | undefined): IDataObject {
	if (!status) return { id, found: false, status: NOT_FOUND_STATUS, finalized_at: null };
	return { id, found: true, status: status.status, finalized_at: status.finalized_at ?? null };
}
