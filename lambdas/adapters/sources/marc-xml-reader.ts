/**
 * A small reader for MARCXML's datafields and subfields: all the Digital Library feed needs, and
 * no XML package is a runtime dependency. It reads `record`, `datafield` and `subfield` elements
 * (with or without a namespace prefix), decodes XML entities and CDATA, and reports a record it
 * cannot read without giving up on the others.
 */

export interface MarcSubfield {
  readonly code: string;
  readonly value: string;
}

export interface MarcDatafield {
  readonly tag: string;
  readonly subfields: readonly MarcSubfield[];
}

export interface MarcRecord {
  readonly datafields: readonly MarcDatafield[];
}

export type MarcRecordResult =
  | { readonly ok: true; readonly record: MarcRecord }
  | { readonly ok: false; readonly message: string };

const RECORD_OPEN = /<(?:[\w.-]+:)?record\b[^>]*?(\/)?>/g;
const RECORD_CLOSE = /<\/(?:[\w.-]+:)?record\s*>/g;
const DATAFIELD = /<(?:[\w.-]+:)?datafield\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?datafield\s*>/g;
const SUBFIELD = /<(?:[\w.-]+:)?subfield\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?subfield\s*>)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(attributes)
    ?.slice(1)
    .find((value) => value !== undefined);

/** Text content with entities and CDATA decoded; throws on markup or an entity XML does not define. */
const textOf = (raw: string): string => {
  const pieces = raw.split(CDATA);
  return pieces
    .map((piece, index) => {
      if (index % 2 === 1) return piece;
      if (piece.includes('<')) throw new Error(`unexpected markup in a subfield: "${piece.slice(0, 40)}"`);
      return piece.replace(ENTITY, (entity, name: string) => {
        if (name.startsWith('#')) {
          const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          if (code > 0x10ffff) throw new Error(`bad character reference ${entity}`);
          return String.fromCodePoint(code);
        }
        const named = NAMED_ENTITIES[name];
        if (named === undefined) throw new Error(`unknown entity ${entity}`);
        return named;
      });
    })
    .join('');
};

const readRecord = (inner: string): MarcRecord => {
  const datafields: MarcDatafield[] = [];
  for (const [, attributes = '', content = ''] of inner.matchAll(DATAFIELD)) {
    const tag = attribute(attributes, 'tag');
    if (tag === undefined || !/^\d{3}$/.test(tag))
      throw new Error(`a datafield has no 3-digit tag (${attributes.trim()})`);
    const subfields = [...content.matchAll(SUBFIELD)].map(([, subAttributes = '', value = '']) => {
      const code = attribute(subAttributes, 'code');
      if (code === undefined) throw new Error(`a subfield of datafield ${tag} has no code`);
      return { code, value: textOf(value).trim() };
    });
    datafields.push({ tag, subfields });
  }
  return { datafields };
};

/**
 * Every `record` element of a MARCXML document, in order; a record that cannot be read (unclosed,
 * unknown entity, datafield without a tag) is an error at its position. An empty collection is no record.
 */
export const readMarcRecords = (xml: string): MarcRecordResult[] => {
  const results: MarcRecordResult[] = [];
  let from = 0;
  for (;;) {
    RECORD_OPEN.lastIndex = from;
    const open = RECORD_OPEN.exec(xml);
    if (!open) return results;
    const start = open.index + open[0].length;
    if (open[1] === '/') {
      results.push({ ok: true, record: { datafields: [] } });
      from = start;
      continue;
    }
    RECORD_CLOSE.lastIndex = start;
    const close = RECORD_CLOSE.exec(xml);
    RECORD_OPEN.lastIndex = start;
    const nextOpen = RECORD_OPEN.exec(xml);
    if (!close || (nextOpen && nextOpen.index < close.index)) {
      results.push({ ok: false, message: 'record is not closed' });
      from = nextOpen ? nextOpen.index : xml.length;
      continue;
    }
    try {
      results.push({ ok: true, record: readRecord(xml.slice(start, close.index)) });
    } catch (error) {
      results.push({ ok: false, message: (error as Error).message });
    }
    from = close.index + close[0].length;
  }
};

/** The first value of subfield `code` in the first datafield `tag` that has one. */
export const subfieldValue = (record: MarcRecord, tag: string, code: string): string | undefined =>
  record.datafields
    .filter((field) => field.tag === tag)
    .flatMap((field) => field.subfields.filter((subfield) => subfield.code === code))
    .find((subfield) => subfield.value !== '')?.value;
