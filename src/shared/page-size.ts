// No zod here: the pages that read every item of a list need the page size before any schema.

/** How many items a page of a long list holds unless asked otherwise, and at most. */
export const defaultPageSize = 50;
export const maxPageSize = 100;
