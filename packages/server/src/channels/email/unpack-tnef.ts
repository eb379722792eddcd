import { bodyOfCompressedRtf } from './rtf-body.ts'
import { tnefItemFile } from './tnef-item-file.ts'
import { readTnef, TnefError } from './tnef-reader.ts'

/** One attachment as it comes out of the MIME tree (or out of a winmail.dat), before limits. */
export interface AttachmentPart {
  filename: string | undefined
  contentType: string
  content: Buffer
  contentId: string | null
  inline: boolean
}

export interface UnpackedParts {
  parts: AttachmentPart[]
  /** The plain or HTML body Outlook put only inside winmail.dat, for mail that has no other body. */
  tnefBody: TnefBody | null
  /** Else its compressed RTF body, read only if the mail has no other (tnefBodyOf). */
  rtfCompressed: Buffer | null
}

interface TnefBody { text: string | null; html: string | null }

export function isTnef(part: AttachmentPart): boolean {
  return /^application\/(?:vnd\.)?ms-tnef$/i.test(part.contentType) || /^winmail\.dat$/i.test((part.filename ?? '').trim())
}

/**
 * Outlook's winmail.dat hides the real attachments from every other mail program.
 * Each readable one is opened: its files follow it in the list (they then pass the
 * same size, type and name rules as any attachment), then the Outlook items it
 * carries as text files (tnef-item-file.ts), and winmail.dat itself stays,
 * so nothing is lost if our reading of it is incomplete. One that cannot be read
 * stays a plain file with a warning.
 */
export async function unpackTnefParts(parts: AttachmentPart[], warnings: string[], maxFiles: number): Promise<UnpackedParts> {
  const out: AttachmentPart[] = []
  let tnefBody: TnefBody | null = null
  let rtfCompressed: Buffer | null = null
  for (const part of parts) {
    out.push(part)
    if (!isTnef(part)) continue
    try {
      const tnef = readTnef(part.content, { maxFiles })
      for (const file of tnef.files) {
        out.push({ filename: file.name ?? undefined, contentType: file.mimeType ?? guessType(file.name), content: file.data, contentId: file.contentId, inline: false })
      }
      warnings.push(`attachment.tnef_unpacked:${tnef.files.length + tnef.items.length}`, ...tnef.warnings)
      for (const item of tnef.items) {
        const file = await tnefItemFile(item, warnings)
        out.push({ filename: file.name, contentType: 'text/plain', content: file.data, contentId: null, inline: false })
      }
      if (!tnefBody && (tnef.text || tnef.html)) tnefBody = { text: tnef.text, html: tnef.html }
      rtfCompressed ??= tnef.rtfCompressed
    } catch (error) {
      // readTnef throws only TnefError; anything else is a bug in it, and still must not cost the message.
      warnings.push('attachment.tnef_kept', `attachment.tnef_unreadable:${error instanceof TnefError ? error.reason : 'internal'}`)
    }
  }

  return { parts: out, tnefBody, rtfCompressed }
}

/**
 * For a mail with no body of its own: the one inside winmail.dat, plain or HTML, else
 * read from its compressed RTF; noted on the message (`warnings`) either way.
 */
export function tnefBodyOf(unpacked: UnpackedParts, warnings: string[]): TnefBody | null {
  if (unpacked.tnefBody) {
    warnings.push('tnef.body_used')

    return unpacked.tnefBody
  }
  if (!unpacked.rtfCompressed) return null
  const read = bodyOfCompressedRtf(unpacked.rtfCompressed)
  warnings.push(...read.warnings, read.body ? 'tnef.body_from_rtf' : 'tnef.body_rtf_not_decoded')

  return read.body
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
  txt: 'text/plain', csv: 'text/csv', htm: 'text/html', html: 'text/html', rtf: 'application/rtf', zip: 'application/zip', eml: 'message/rfc822',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

/** TNEF often has no MIME tag: the usual office and image types by extension, else octet-stream. */
function guessType(name: string | null): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name ?? '')?.[1]?.toLowerCase()

  return (ext && TYPES[ext]) || 'application/octet-stream'
}
