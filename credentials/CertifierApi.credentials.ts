import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import {
	CERTIFIER_DEFAULT_BASE_URL,
	CERTIFIER_DEFAULT_VERSION,
	CERTIFIER_PATHS,
	CERTIFIER_VERSION_HEADER,
} from '../nodes/Certifier/constants';
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				[CERTIFIER_VERSION_HEADER]: '={{$credentials.apiVersion}}',
			},
		},
	};

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
