import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { clientCredentialsProperties } from '../nodes/common/client-credentials';
import { credentialsBaseUrlExpression } from '../nodes/common/environment';
import { ignoreSslIssuesProperty } from '../nodes/common/ignore-ssl-issues';
import { SMART_RESUME_HOSTS, SMART_RESUME_PATHS, SMART_RESUME_SCOPE } from '../nodes/SmartResume/constants';

export class SmartResumeOAuth2Api implements ICredentialType {
	name = 'smartResumeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SmartResume OAuth2 API';

	icon: Icon = { light: 'file:../icons/smartresume.svg', dark: 'file:../icons/smartresume.dark.svg' };

	documentationUrl = 'https://github.com/career-credentials/n8n-nodes-career-credentials#smartresume';

	properties: INodeProperties[] = [
		// CredentialConnect authenticates the token request with HTTP Basic (Client ID : Access Key).
		...clientCredentialsProperties({
			serviceName: 'SmartResume',
			hosts: SMART_RESUME_HOSTS,
			tokenPath: SMART_RESUME_PATHS.oauth,
			authentication: 'header',
		}),
		ignoreSslIssuesProperty({ show: { environment: ['custom'] } }),
		{
			displayName: 'Access Key',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Access Key your SmartResume account manager gave you, paired with the Client ID',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: SMART_RESUME_SCOPE,
			description: 'Space-separated scopes; CredentialConnect documents "delete readonly replace"',
		},
	];

	// CredentialConnect has no read endpoint; asking the token endpoint itself proves the pair.
	test: ICredentialTestRequest = {
		request: {
			baseURL: credentialsBaseUrlExpression(SMART_RESUME_HOSTS),
			url: SMART_RESUME_PATHS.oauth,
			method: 'POST',
			auth: { username: '={{$credentials.clientId}}', password: '={{$credentials.clientSecret}}' },
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&scope=delete%20readonly%20replace',
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues === true}}',
		},
	};
}
