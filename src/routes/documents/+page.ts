// A search form (GET) and a list of links: no client-side rendering, so the page ships no script and no copy of its
// data, and a search that has to be run costs less to render.
export const csr = false;
