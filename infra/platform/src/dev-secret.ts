/** The HS256 secret `npm start` uses when no AUTH_* variable is set (never in production). */
export const DEV_SECRET = 'labshare-development-secret-not-for-production';
