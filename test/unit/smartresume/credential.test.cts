// The credential's environments say what CredentialConnect publishes: the staging host only; the
// production URL comes from SmartResume at onboarding and goes in Custom Base URL (issue 13).
import type { INodePropertyOptions } from 'n8n-workflow';
import { SmartResumeOAuth2Api } from '../../../credentials/SmartResumeOAuth2Api.credentials';
import { baseUrlOf } from '../../../nodes/common/environment';
import { SMART_RESUME_HOSTS } from '../../../nodes/SmartResume/constants';

const properties = new SmartResumeOAuth2Api().properties;
const property = (name: string) => properties.find((p) => p.name === name)!;
const environments = property('environment').options as INodePropertyOptions[];

test('staging is the published host; production points to the URL given at onboarding', () => {
	expect(environments.map((o) => o.value)).toEqual(['staging', 'production', 'custom']);
	expect(property('environment').default).toBe('staging');
	const [staging, production, custom] = environments;
	expect(staging.description).toContain('https://mystage.smartresume.com');
	expect(staging.description).toContain('published');
	expect(production.name).toBe('Production (Unpublished Host)');
	expect(production.description).toContain('assumed');
	expect(production.description).toContain('at onboarding');
	expect(production.description).toContain('Custom Base URL');
	expect(custom.description).toContain('onboarding');
	expect(property('customBaseUrl').description).toContain('production URL SmartResume gave you');
});

test('labels only: credentials saved with either environment reach the same hosts as before', () => {
	expect(baseUrlOf({ environment: 'staging' }, SMART_RESUME_HOSTS)).toBe(
		'https://mystage.smartresume.com',
	);
	expect(baseUrlOf({ environment: 'production' }, SMART_RESUME_HOSTS)).toBe(
		'https://my.smartresume.com',
	);
	expect(
		baseUrlOf({ environment: 'custom', customBaseUrl: 'https://api.example/' }, SMART_RESUME_HOSTS),
	).toBe('https://api.example');
});
