import { searchWebhooks } from './list-search';

export const listSearch = { searchWebhooks };
