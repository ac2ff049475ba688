import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsProperties } from '../nodes/common/client-credentials';
import { credentialsBaseUrlExpression } from '../nodes/common/environment';
import { ignoreSslIssuesProperty } from '../nodes/common/ignore-ssl-issues';
import { SEEK_PASS_HOSTS, SEEK_PASS_PATHS, SEEK_PASS_SCOPES } from '../nodes/SeekPass/constants';

export class SeekPassOAuth2Api implements ICredentialType {
	name = 'seekPassOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SEEK Pass OAuth2 API';

	icon: Icon = { light: 'file:../icons/seekpass.svg', dark: 'file:../icons/seekpass.dark.svg' };

	documentationUrl = 'https://github.com/career-credentials/n8n-nodes-career-credentials#seek-pass';

	properties: INodeProperties[] = [
		// SEEK Pass reads client_id and client_secret from the form body, not a Basic header.
		...clientCredentialsProperties({
			serviceName: 'SEEK Pass',
			hosts: SEEK_PASS_HOSTS,
			tokenPath: SEEK_PASS_PATHS.grant,
			authentication: 'body',
		}),
		ignoreSslIssuesProperty({ show: { environment: ['custom'] } }),
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: SEEK_PASS_SCOPES.join(' '),
			description:
				'Space-separated scopes to request. Keep only those your partner account was granted: write.education, write.english_proficiency, write.microcredential, write.digital_identity, read.digital_identity.',
		},
	];

	// Any call needs a token first, so listing webhooks proves the client id, secret and URL.
	test: ICredentialTestRequest = {
		request: {
			baseURL: credentialsBaseUrlExpression(SEEK_PASS_HOSTS),
			url: SEEK_PASS_PATHS.webhooks,
			method: 'GET',
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues === true}}',
		},
	};
}
