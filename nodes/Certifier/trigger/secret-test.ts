import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * Certifier offers no endpoint to check a webhook secret against, so the test can only check it
 * locally: present, and free of the stray spaces a copy-paste brings (which would fail every
 * signature). The real proof is a test event sent from Certifier's dashboard.
 */
export async function certifierWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = credential.data?.secret;
	if (typeof secret !== 'string' || secret === '') {
		return {
			status: 'Error',
			message: 'Enter the webhook secret shown in the Certifier dashboard',
		};
	}
	if (secret.trim() !== secret) {
		return { status: 'Error', message: 'The secret starts or ends with a space; remove it' };
	}
	return {
		status: 'OK',
		message: 'Secret saved. Send a test event from the Certifier dashboard to confirm it matches.',
	};
}
