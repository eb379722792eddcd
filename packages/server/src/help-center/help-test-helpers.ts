import type { FastifyInstance } from 'fastify'

/** The signed token of the first form on a page. */
export function formTokenOf(page: string): string {
  const match = /name="token" value="([^"]+)"/.exec(page)
  if (!match) throw new Error('no form token on the page')

  return match[1]!
}

/** Posts a form as a browser does (urlencoded). */
export async function postForm(app: FastifyInstance, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST', url, payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })
}
