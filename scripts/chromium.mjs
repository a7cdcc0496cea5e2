// How every script here launches Debian's Chromium headless: the end-to-end tests, the
// benches and the screenshot tool. Root on a build machine needs --no-sandbox; the rest keeps
// the browser from reaching the network on its own (updates, sync, QUIC probes).
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
