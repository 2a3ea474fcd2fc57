/** A timestamp as an ISO string for the API, or null. */
export const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** An ILIKE pattern that matches the text anywhere, with %, _ and \ in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
