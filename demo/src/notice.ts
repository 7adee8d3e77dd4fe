/** What the header's status line says, and whether it reports a problem. */
export interface DemoNotice {
  text: string;
  tone: 'info' | 'success' | 'error';
}
