import { vi } from 'vitest';

/**
 * What the code writes to stdout from now on, one parsed JSON object a line: the log lines and
 * metric documents a function would hand to CloudWatch Logs. Undo with `vi.restoreAllMocks()`.
 */
export const captureStdoutLines = (): Record<string, unknown>[] => {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  });
  return lines;
};
