import type { webApi } from '@slack/bolt';
import { MAX_FILE_BYTES } from '../limits';

export type FetchedFile = { ok: true; name: string; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * A file someone shared with the bot: files.info for its name, size and private URL, then the
 * download with the bot token (https://docs.slack.dev/reference/methods/files.info). The size
 * is checked before downloading, so a 50 MB file is refused without being fetched.
 */
export async function fetchSlackFile(client: webApi.WebClient, fileId: string): Promise<FetchedFile> {
  const info = await client.files.info({ file: fileId });
  const file = info.file;
  const url = file?.url_private_download ?? file?.url_private;
  const name = file?.name ?? file?.title ?? fileId;
  if (!file || !url) return { ok: false, reason: 'Slack did not give me that file. Try sending it again.' };
  if ((file.size ?? 0) > MAX_FILE_BYTES)
    return {
      ok: false,
      reason: `${name} is ${((file.size ?? 0) / 1024 / 1024).toFixed(1)} MB; papers up to ${MAX_FILE_BYTES / 1024 / 1024} MB are read. Save it without its images (or as .docx or .txt) and send that.`,
    };
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${client.token ?? ''}` },
    signal: AbortSignal.timeout(20_000),
  });
  if (!response.ok)
    return { ok: false, reason: `Downloading ${name} failed (HTTP ${response.status}). Try again.` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, reason: `${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
  return { ok: true, name, bytes };
}
