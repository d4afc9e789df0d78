/**
 * What a command needs from its surroundings. `main.ts` passes the process's streams, file system and
 * clock; tests pass an in-memory one, so commands never touch `process` themselves.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  now(): Date;
}
