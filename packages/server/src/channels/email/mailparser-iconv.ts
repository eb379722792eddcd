import { Transform } from 'node:stream'
import type { TransformCallback } from 'node:stream'
import { decodeBytes } from './charsets.ts'

/**
 * The `Iconv` hook of mailparser: every body part that is not UTF-8 or ASCII is
 * decoded here instead of by libmime, so that Shift_JIS is read as CP932 with its
 * user-defined area and ISO-2022-JP keeps its CP932 extensions (see charsets.ts).
 * A part is at most one message body, so it is buffered whole: multibyte
 * characters split across chunks cannot be cut.
 */
export class MailparserIconv extends Transform {
  private readonly chunks: Buffer[] = []

  constructor(private readonly charset: string) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk)
    done()
  }

  override _flush(done: TransformCallback): void {
    const text = decodeBytes(Buffer.concat(this.chunks), this.charset)
    done(null, text ? Buffer.from(text, 'utf8') : undefined)
  }
}
