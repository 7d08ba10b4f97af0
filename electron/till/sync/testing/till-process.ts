import { createTillCore } from '../../core';
import { writeNote, type NoteAuthor } from './note-writer';

// A till as its own process, for tests that kill it with SIGKILL at random moments: it keeps
// recording facts and pushing them until killed. argv: dataDir, author JSON, marker.
async function main(): Promise<void> {
  const [dataDir, authorJson, marker] = process.argv.slice(2);
  if (!dataDir || !authorJson || !marker)
    throw new Error('usage: till-process <dataDir> <author> <marker>');
  const author = JSON.parse(authorJson) as NoteAuthor;
  const core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
  for (let i = 0; ; i += 1) {
    writeNote(`${dataDir}/till.sqlite`, author, `${marker} ${process.pid}-${i}`);
    if (i % 3 === 0) await core.call('sync:now', {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
