import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text';
import { exportLayer, type ImportWorker, importFile, loadLayers } from './import-file';
import { listedOf } from './listed';
import type { ImportedLayer } from './types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Stands in for the module worker: records what it was sent and lets the test reply. */
class FakeWorker implements ImportWorker {
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: WorkerRequest) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(...replies: WorkerReply[]) {
    for (const data of replies) this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
  /** Sends a layer the way the worker does: what the page lists, without its features. */
  replyLayer(layer: ImportedLayer) {
    this.reply({ type: 'layer', layer: listedOf(layer) });
  }
}

function layer(id: string, rows: number): ImportedLayer {
  const text = ['lat,lon,n', ...Array.from({ length: rows }, (_, i) => `39.8,46.7,${i}`)].join('\n');
  const r = parseCsvText(text, `${id}.csv`, () => {}, { id, importedAt: 0 });
  if (!r.ok) throw new Error('fixture did not parse');
  return r.layer;
}

const file = (name: string, size?: number) => {
  const f = new File(['lat,lon\n39,46\n'], name);
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('importFile', () => {
  it('posts the file to a worker, forwards progress and lists the layer it kept', async () => {
    const w = new FakeWorker();
    const seen: number[] = [];
    const done = importFile(
      file('a.csv'),
      (f) => seen.push(f),
      undefined,
      () => w,
    );
    const whole = layer('a', 12);
    w.reply({ type: 'progress', fraction: 0.5 });
    w.replyLayer(whole);
    w.reply({ type: 'done' });
    expect(await done).toEqual({ ok: true, layer: listedOf(whole) });
    expect(seen).toEqual([0.5]);
    expect(w.sent).toEqual([{ type: 'import', file: expect.any(File) }]);
    expect(w.terminated).toBe(true);
  });

  it('refuses a file over the size limit before starting a worker', async () => {
    let started = false;
    const r = await importFile(
      file('big.csv', 60 * 1024 * 1024),
      () => {},
      undefined,
      () => {
        started = true;
        return new FakeWorker();
      },
    );
    expect(started).toBe(false);
    expect(r.ok ? null : r.errors[0]?.code).toBe('too-large');
  });

  it('ends the worker at once when cancelled', async () => {
    const w = new FakeWorker();
    const abort = new AbortController();
    const done = importFile(
      file('a.csv'),
      () => {},
      abort.signal,
      () => w,
    );
    abort.abort();
    const r = await done;
    expect(w.terminated).toBe(true);
    expect(r.ok ? null : r.errors[0]).toEqual({ code: 'cancelled', message: 'a.csv: the import was cancelled' });
  });

  it('completes an import whose layer is already kept, even if cancelled then', async () => {
    const w = new FakeWorker();
    const abort = new AbortController();
    const done = importFile(
      file('a.csv'),
      () => {},
      abort.signal,
      () => w,
    );
    w.replyLayer(layer('a', 1));
    abort.abort();
    expect(w.terminated).toBe(false);
    w.reply({ type: 'done' });
    expect((await done).ok).toBe(true);
  });

  it('turns a worker failure into an "unreadable" message', async () => {
    const w = new FakeWorker();
    const done = importFile(
      file('a.geojson'),
      () => {},
      undefined,
      () => w,
    );
    w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    const r = await done;
    expect(r.ok ? null : r.errors[0]).toEqual({
      code: 'unreadable',
      message: 'a.geojson: the file could not be read (boom)',
    });
  });
});

describe('loadLayers and exportLayer', () => {
  it('reads several kept layers back', async () => {
    const w = new FakeWorker();
    const done = loadLayers(() => w);
    w.replyLayer(layer('a', 3));
    w.replyLayer(layer('b', 4));
    w.reply({ type: 'done' });
    expect(await done).toEqual([listedOf(layer('a', 3)), listedOf(layer('b', 4))]);
  });

  it("rejects with the worker's reason when storage fails", async () => {
    const w = new FakeWorker();
    const done = loadLayers(() => w);
    w.reply({ type: 'failed', errors: [{ code: 'storage', message: 'IndexedDB is unavailable' }], errorCount: 1 });
    await expect(done).rejects.toThrow('IndexedDB is unavailable');
  });

  it('returns the text the worker wrote', async () => {
    const w = new FakeWorker();
    const done = exportLayer('a', 'csv', () => w);
    w.reply({ type: 'exported', text: 'lat,lon', name: 'a.csv' });
    expect(await done).toEqual({ text: 'lat,lon', name: 'a.csv' });
    expect(w.sent).toEqual([{ type: 'export', id: 'a', format: 'csv' }]);
  });
});
