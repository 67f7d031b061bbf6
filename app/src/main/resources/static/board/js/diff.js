// A word diff for people: the longest common subsequence of words (and the spaces between them), shown as
// unchanged text, <del> for words taken out and <ins> for words put in. Texts here are paragraphs, so the
// quadratic table is small; beyond 4,000 tokens a side it falls back to "all out, all in".

export function tokens(text) {
  return (text || '').match(/\s+|[^\s]+/g) || [];
}

/** [{op: '=', '-' or '+', text}], adjacent pieces of one kind joined. */
export function wordDiff(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  const pieces = [];
  const push = (op, text) => {
    const last = pieces[pieces.length - 1];
    if (last && last.op === op) last.text += text; else pieces.push({ op, text });
  };
  if (a.length > 4000 || b.length > 4000) {
    if (before) push('-', before);
    if (after) push('+', after);
    return pieces;
  }
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { push('=', a[i]); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push('-', a[i]); i++; }
    else { push('+', b[j]); j++; }
  }
  while (i < n) push('-', a[i++]);
  while (j < m) push('+', b[j++]);
  return readable(pieces);
}

/**
 * Word-by-word alternation ("~~Stone~~and ~~Age,~~each") is hard to read: a run of changes, with only spaces
 * between them, becomes one deletion followed by one insertion.
 */
function readable(pieces) {
  const out = [];
  let run = null;
  const flush = () => {
    if (!run) return;
    if (run.del) out.push({ op: '-', text: run.del });
    if (run.ins) out.push({ op: '+', text: run.ins });
    run = null;
  };
  pieces.forEach((piece, k) => {
    const next = pieces[k + 1];
    if (piece.op === '=') {
      if (run && next && next.op !== '=' && /^\s+$/.test(piece.text)) {
        run.del += piece.text;
        run.ins += piece.text;
      } else {
        flush();
        out.push(piece);
      }
    } else {
      run = run || { del: '', ins: '' };
      if (piece.op === '-') run.del += piece.text; else run.ins += piece.text;
    }
  });
  flush();
  return out;
}

/** The diff as DOM nodes inside one element. */
export function renderDiff(before, after) {
  const out = document.createElement('div');
  out.className = 'diff';
  const pieces = wordDiff(before, after);
  if (pieces.every(p => p.op === '=')) {
    out.append(document.createTextNode(after || ''));
    const same = document.createElement('p');
    same.className = 'muted';
    same.textContent = 'No change.';
    out.append(same);
    return out;
  }
  for (const piece of pieces) {
    if (piece.op === '=') out.append(document.createTextNode(piece.text));
    else {
      const mark = document.createElement(piece.op === '+' ? 'ins' : 'del');
      mark.textContent = piece.text;
      out.append(mark);
    }
  }
  return out;
}
