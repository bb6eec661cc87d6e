import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import { devToken } from '../teams/dev-key';

/**
 * `npm run chat -- --teams`: talk to `npm start`'s /api/messages as Teams would. Activities are
 * signed with the development key set (which the local server trusts only in development);
 * this process is the Bot Connector the replies are posted to, and prints each card as text.
 */
// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON, printed as text
type Card = any;

export async function teamsChat(port: number, aadObjectId: string, lines: string[] = []): Promise<void> {
  let buttons: Array<Record<string, unknown>> = [];
  let waiting: (() => void) | undefined;
  const connector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (activity.text) console.log(activity.text);
      for (const attachment of activity.attachments ?? []) printCard(attachment.content as Card);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;

  const printCard = (card: Card) => {
    const lines: string[] = [];
    const walk = (elements: Card[]) => {
      for (const element of elements ?? []) {
        if (element.type === 'TextBlock') lines.push(element.text);
        if (element.type === 'FactSet')
          for (const fact of element.facts) lines.push(`${fact.title}: ${fact.value}`);
        if (element.type === 'Container') {
          walk(element.items);
          if (element.selectAction)
            lines.push(`  [${push(element.selectAction.data)}] ${element.selectAction.title}`);
        }
        if (element.type?.startsWith('Input.')) lines.push(`  (${element.id}) ${element.label ?? ''}`);
      }
    };
    walk(card.body);
    for (const action of card.actions ?? []) lines.push(`  [${push(action.data)}] ${action.title}`);
    console.log(`${lines.join('\n')}\n`);
    waiting?.();
  };
  const push = (data: Record<string, unknown>) => buttons.push(data);

  const send = async (text: string, value?: Record<string, unknown>) => {
    const replied = new Promise<void>((resolve) => {
      waiting = resolve;
      setTimeout(resolve, 3000);
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${devToken(serviceUrl)}` },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl,
        from: { id: `29:${aadObjectId}`, aadObjectId },
        conversation: { id: 'a:local-teams-chat', conversationType: 'personal' },
        recipient: { id: '28:local-dev-teams-app', name: 'IJB Directions' },
        text,
        ...(value ? { value } : {}),
      }),
    });
    if (response.status !== 200)
      console.log(`(the server answered ${response.status}: ${await response.text()})`);
    else await replied;
  };

  if (lines.length > 0) {
    for (const line of lines) await send(line);
    connector.close();
    return;
  }
  console.log(
    'Teams chat: type 5.1, overdue, update 5.1 at risk: …, help; a [number] presses a button; "quit" ends.',
  );
  const input = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const line = (await input.question('teams> ')).trim();
    if (line === 'quit' || line === 'exit') break;
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    if (!pressed) buttons = [];
    await send(pressed ? '' : line, pressed);
  }
  input.close();
  connector.close();
}
