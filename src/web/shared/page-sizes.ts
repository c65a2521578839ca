/**
 * The page sizes a table on a server-paged list offers, and the one it starts with. The largest
 * stays well under the server's maximum (MAX_PAGE_SIZE, 500): no page of the web app asks for more
 * (a unit test reads src/web for larger literals).
 */
export const PAGE_SIZE_CHOICES = [25, 50, 100];
export const DEFAULT_PAGE_SIZE = 50;
