/** Nothing to set up for unit runs; the browser tests build the site themselves when dist/ is missing. */
export default function setup(): void {}
