// The platform table the e2e suite runs, gathered from every fixtures/<platform>/fixture.json:
// fixture URL (served under the real host name) and the event kinds the page shows.
export { TESTS as PLATFORMS } from './support/server.mjs';
