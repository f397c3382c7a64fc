// A read-only timetable: no client-side rendering, so the page ships no script and no copy of its data (half the bytes).
export const csr = false;
