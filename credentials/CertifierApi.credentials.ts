import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import {
	CERTIFIER_DEFAULT_BASE_URL,
	CERTIFIER_DEFAULT_VERSION,
	CERTIFIER_PATHS,
} from '../nodes/Certifier/constants';
import { certifierAuthHeaders } from '../nodes/Certifier/auth-headers';
import { ignoreSslIssuesProperty } from '../nodes/common/ignore-ssl-issues';

export class CertifierApi implements ICredentialType {
	name = 'certifierApi';

	displayName = 'Certifier API';

	icon: Icon = { light: 'file:../icons/certifier.svg', dark: 'file:../icons/certifier.dark.svg' };

	documentationUrl = 'https://github.com/career-credentials/n8n-nodes-career-credentials#certifier';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in the Certifier dashboard under Settings → Developers → Access Tokens',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: CERTIFIER_DEFAULT_VERSION,
			description: 'Sent as the Certifier-Version header on every request',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CERTIFIER_DEFAULT_BASE_URL,
			description: "Certifier's public API, or another host such as this package's local sandbox",
		},
		// Offered only for a Base URL other than Certifier's own.
		ignoreSslIssuesProperty({ hide: { baseUrl: [CERTIFIER_DEFAULT_BASE_URL] } }),
	];

	// In code rather than `={{$credentials…}}` header expressions: n8n would evaluate those in its
	// expression sandbox on every request (bench/README.md, n8n CPU per item). The Certifier node
	// sets the same headers itself (CERTIFIER_SERVICE.authHeaders); n8n uses this for the
	// credential test and the HTTP Request node.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...certifierAuthHeaders(credentials) },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.baseUrl).replace(/\\/+$/, "")}}',
			url: CERTIFIER_PATHS.groups,
			method: 'GET',
			qs: { limit: 1 },
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues === true}}',
		},
	};
}
