/** Which path prefixes of the public contract each service owns on the shared origin. */
export const routesByService = {
  inventory: ['/v1/orgs', '/v1/resources'],
  booking: ['/v1/availability', '/v1/bookings', '/v1/series', '/v1/waitlist', '/v1/calendar.ics'],
  access: ['/v1/qualifications', '/v1/passes', '/v1/access', '/.well-known/jwks.json'],
  billing: [
    '/v1/ledger',
    '/v1/ledger.csv',
    '/v1/statements',
    '/v1/statements.csv',
    '/v1/subsidy',
    '/v1/subsidies',
    '/v1/credits',
    '/v1/reports',
  ],
} as const;
