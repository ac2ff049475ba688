import type { Resource } from '../../common/operation';
import type { SeekPassClient } from '../transport';
import { credential } from './credential';
import { submission } from './submission';
import { verification } from './verification';
import { webhook } from './webhook';

export const resources: Array<Resource<SeekPassClient>> = [
	credential,
	submission,
	verification,
	webhook,
];
