// A stand-in picture for the QR code or barcode on the slip: the right size and place, with
// the data it encodes in words. The printer draws the real symbol from that data; the
// preview does not need to be scannable, so no QR encoder ships in the renderer.

const MODULES = 25;

export function SymbolPicture({ kind, data }: { kind: 'qr' | 'barcode'; data: string }) {
  const label = `${kind === 'qr' ? 'QR code' : 'Barcode'} of ${data}`;
  return (
    <div className={`slip-symbol slip-symbol--${kind}`} data-testid={`slip-${kind}`} title={label}>
      {kind === 'qr' ? (
        <QrLike data={data} label={label} />
      ) : (
        <BarsLike data={data} label={label} />
      )}
    </div>
  );
}

// Deterministic pattern from the data, with the three finder squares a QR code has.
function QrLike({ data, label }: { data: string; label: string }) {
  const cells: { x: number; y: number }[] = [];
  let seed = hash(data);
  for (let y = 0; y < MODULES; y += 1) {
    for (let x = 0; x < MODULES; x += 1) {
      if (inFinder(x, y)) continue;
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      if (seed & 0x10000) cells.push({ x, y });
    }
  }
  const finders = [
    [0, 0],
    [MODULES - 7, 0],
    [0, MODULES - 7],
  ] as const;
  return (
    <svg viewBox={`-2 -2 ${MODULES + 4} ${MODULES + 4}`} role="img" aria-label={label}>
      {cells.map(({ x, y }) => (
        <rect key={`${x}-${y}`} x={x} y={y} width="1" height="1" />
      ))}
      {finders.map(([x, y]) => (
        <g key={`${x}-${y}`}>
          <rect x={x} y={y} width="7" height="7" />
          <rect x={x + 1} y={y + 1} width="5" height="5" fill="#fff" />
          <rect x={x + 2} y={y + 2} width="3" height="3" />
        </g>
      ))}
    </svg>
  );
}

function BarsLike({ data, label }: { data: string; label: string }) {
  let seed = hash(data);
  let x = 0;
  const bars: { x: number; w: number }[] = [];
  while (x < 90) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    const w = 1 + ((seed >>> 16) % 3);
    bars.push({ x, w });
    x += w + 1 + ((seed >>> 20) % 2);
  }
  return (
    <svg viewBox="0 0 92 30" role="img" aria-label={label} preserveAspectRatio="none">
      {bars.map((bar) => (
        <rect key={bar.x} x={bar.x} y="0" width={bar.w} height="30" />
      ))}
    </svg>
  );
}

function inFinder(x: number, y: number): boolean {
  const near = (v: number) => v < 8 || v >= MODULES - 8;
  return (x < 8 && y < 8) || (x >= MODULES - 8 && y < 8) || (x < 8 && near(y) && y >= MODULES - 8);
}

function hash(text: string): number {
  let h = 2_166_136_261;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16_777_619) >>> 0;
  return h;
}
