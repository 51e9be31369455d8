import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Schemas carry their OpenAPI metadata, so the served documents come from the very schemas that
// validate requests and cannot drift from them.
extendZodWithOpenApi(z);

export { z };
