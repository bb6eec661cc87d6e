/**
 * A Midlothian-shaped numbered-list paper of `count` directions (themes 1–99, items 1–99,
 * then letters a–z), built in the test: nothing this size is committed.
 */
export function bigPaper(count: number, planYear = '2024-25'): string {
  const lines = ['## **Midlothian Integration Joint Board**', '', `# Directions ${planYear}`, ''];
  const perTheme = 99;
  let made = 0;
  for (let letter = 0; made < count && letter < 27; letter++)
    for (let theme = 1; made < count && theme <= 99; theme++) {
      lines.push(`## **Theme ${theme}${letter > 0 ? ` part ${letter}` : ''}**`, '');
      lines.push(`People in Midlothian get the services of theme ${theme} when they need them.`, '');
      for (let item = 1; made < count && item <= perTheme; item++, made++) {
        const suffix = letter > 0 ? String.fromCharCode(96 + letter) : '';
        lines.push(
          `- ${theme}.${item}${suffix} Midlothian Council and NHS Lothian must show how service ${theme}.${item}${suffix} in Midlothian has improved access for people, by January 2025.`,
        );
      }
      lines.push('');
    }
  return lines.join('\n');
}
