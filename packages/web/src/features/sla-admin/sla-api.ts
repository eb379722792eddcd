import type { CreateSlaPolicyInput, SlaPolicyView, UpdateSlaPolicyInput } from '@madoguchi/shared'
import { api } from '../../api/client.ts'

const V1 = '/api/v1'

export const slaPolicies = {
  list: () => api.get<{ items: SlaPolicyView[] }>(`${V1}/sla-policies`).then((r) => r.items),
  create: (input: CreateSlaPolicyInput) => api.post<SlaPolicyView>(`${V1}/sla-policies`, input),
  update: (id: string, patch: UpdateSlaPolicyInput) => api.patch<SlaPolicyView>(`${V1}/sla-policies/${encodeURIComponent(id)}`, patch),
  delete: (id: string) => api.delete<void>(`${V1}/sla-policies/${encodeURIComponent(id)}`),
}
