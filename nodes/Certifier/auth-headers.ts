import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { CERTIFIER_VERSION_HEADER } from './constants';

/**
 * The headers that authenticate a Certifier request. One function for the credential's
 * `authenticate` (credential test, HTTP Request node) and the node's transport, which sets them
 * itself from the credential read once per execution.
 */
export function certifierAuthHeaders(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	return {
		Authorization: `Bearer ${String(credentials.accessToken)}`,
		[CERTIFIER_VERSION_HEADER]: credentials.apiVersion as string,
	};
}
