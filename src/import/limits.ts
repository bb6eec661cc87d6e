/** Board papers with their images run to a few MB; 20 MB leaves room without reading anything absurd. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
