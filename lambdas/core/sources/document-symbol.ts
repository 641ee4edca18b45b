/** How a symbol amends an earlier document: a revision replaces it, a corrigendum corrects it. */
export type AmendmentKind = 'revision' | 'corrigendum';

export interface DocumentSymbol {
  /** The symbol as given, spaces trimmed. */
  readonly symbol: string;
  /** The document this one amends, e.g. `S/AC.49/2024/6` for `S/AC.49/2024/6/Rev.1/Corr.1`. */
  readonly original: string;
  /** The last amendment in the symbol; none for an original document. */
  readonly amendment?: { readonly kind: AmendmentKind; readonly number: number };
}

// UN symbols add `/Rev.N` and `/Corr.N` parts after the original's symbol (S/AC.49/2024/6/Rev.1).
const AMENDMENT_PART = /^(Rev|Corr)\.(\d+)$/i;

export const parseDocumentSymbol = (raw: string): DocumentSymbol => {
  const symbol = raw.trim();
  const parts = symbol.split('/');
  let amendment: DocumentSymbol['amendment'];
  while (parts.length > 1) {
    const match = AMENDMENT_PART.exec(parts.at(-1) ?? '');
    if (!match) break;
    amendment ??= { kind: match[1]?.toLowerCase() === 'rev' ? 'revision' : 'corrigendum', number: Number(match[2]) };
    parts.pop();
  }
  return amendment ? { symbol, original: parts.join('/'), amendment } : { symbol, original: symbol };
};
