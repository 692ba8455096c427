/**
 * Largest body a public route accepts. A rating with every reason and a 1000-character comment
 * stays under 7 KiB even with each character escaped as \uXXXX; a larger body is no widget talking.
 */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
