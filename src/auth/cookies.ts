/** The session cookies: HTTP-only, SameSite=Strict, Secure when the request came by https. */
export const SESSION_COOKIE = 'estatedesk_session';
/** A resident's session (R-PT-1) has its own cookie, so that a staff member's browser keeps theirs. */
export const RESIDENT_COOKIE = 'estatedesk_resident';

export const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure });
