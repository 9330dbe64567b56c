/** Debian's Chromium; browser tests never download one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
