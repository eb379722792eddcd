import type { DemoTicket } from './demo-ticket.ts'

/** English conversations of the demo account (overseas customers, residents in Japan, partners). */
export const DEMO_TICKETS_EN: readonly DemoTicket[] = [
  { customer: 'smith', channel: 'email', subject: 'Order arrived with a missing item', category: 'order', priority: 'high', status: 'open', tags: ['missing-item'], team: 'logistics', assignee: 'miura', daysAgo: 1,
    thread: [
      { kind: 'in', body: 'Hi, my order #B-55120 arrived today but the second tea set is missing. The packing slip lists two. Could you check?' },
      { kind: 'note', body: 'Warehouse scale shows 1.2 kg short on this parcel: picking error. Reship approved.', by: 'miura' },
      { kind: 'out', body: 'Dear Ms. Smith,\n\nThank you for letting us know, and sorry for the trouble. We have shipped the missing tea set today by express; you will receive a tracking number by email shortly.' },
    ] },
  { customer: 'johnson', channel: 'chat', subject: 'Do you ship to Canada?', category: 'inquiry', priority: 'low', status: 'solved', tags: ['international-shipping'], team: 'support', assignee: 'baker', daysAgo: 16,
    thread: [
      { kind: 'in', body: 'Hey, do you ship to Vancouver?' },
      { kind: 'out', body: 'Hi Michael! Yes, we ship to Canada via EMS, usually 5–8 business days. Duties are paid on delivery.' },
      { kind: 'in', body: 'Great, thanks!' },
    ] },
  { customer: 'brown', channel: 'email', subject: 'Invoice for the annual enterprise plan', category: 'billing', priority: 'normal', status: 'pending', tags: ['invoice', 'enterprise'], team: 'billing', assignee: 'carter', daysAgo: 4,
    thread: [
      { kind: 'in', body: 'Hello, our procurement team needs the invoice to show our PO number NW-2026-0411 and our VAT ID. Could you reissue it?' },
      { kind: 'out', body: 'Dear Dr. Brown,\n\nPlease find the reissued invoice attached, now showing PO NW-2026-0411 and your VAT ID. Let me know if procurement needs anything else.' },
    ] },
  { customer: 'nguyen', channel: 'line', subject: 'Can I get the manual in English?', category: 'technical', priority: 'low', status: 'solved', tags: ['manual', 'english'], team: 'support', assignee: 'baker', daysAgo: 27,
    thread: [
      { kind: 'in', body: 'I bought the rice cooker but the manual is only Japanese. Is there English?' },
      { kind: 'out', body: 'Hi Linh, here is the English manual (PDF). Page 6 explains the timer settings.' },
    ] },
  { customer: 'patel', channel: 'email', subject: 'Chargeback on order A-20931', category: 'refund', priority: 'urgent', status: 'open', tags: ['chargeback'], team: 'billing', assignee: 'carter', daysAgo: 2,
    thread: [
      { kind: 'in', body: 'I disputed the charge because the item never arrived. Please refund me directly and I will withdraw the dispute.' },
      { kind: 'note', body: 'Carrier shows delivered to the locker on 11/14. Do NOT refund twice: wait for the card network decision. Billing only.', by: 'carter' },
    ] },
  { customer: 'garcia', channel: 'web_form', subject: 'Change of email address', category: 'application', priority: 'low', status: 'closed', tags: ['account'], team: 'support', assignee: 'baker', daysAgo: 55,
    thread: [
      { kind: 'in', body: 'Please update my email to sofia.garcia@example.com, the old one is closed.' },
      { kind: 'out', body: 'Hi Sofia, done. Future order updates will go to your new address.' },
    ] },
  { customer: 'wilson', channel: 'phone', subject: '[Call] Warranty claim for a broken kettle', category: 'return', priority: 'normal', status: 'pending', tags: ['warranty'], team: 'partner', assignee: 'santos', daysAgo: 3,
    thread: [
      { kind: 'in', body: '(Call notes, 22:15 JST) Kettle stopped heating after 4 months. Customer is in Sydney and asks for a replacement rather than repair.' },
      { kind: 'note', body: 'Within the 1-year warranty. Asked for a photo of the rating label. Handing over to Logistics in the morning.', by: 'santos' },
      { kind: 'out', body: 'Dear Mr. Wilson,\n\nThank you for your call. Could you send us a photo of the label under the kettle? Once we have it we will arrange a replacement.' },
    ] },
  { customer: 'lee', channel: 'chat', subject: 'Gift card balance', category: 'inquiry', priority: 'low', status: 'solved', tags: ['gift-card'], team: 'support', assignee: 'baker', daysAgo: 8,
    thread: [
      { kind: 'in', body: 'How do I check how much is left on my gift card?' },
      { kind: 'out', body: 'Hi Grace, you can see the balance under My Page → Gift cards, or at checkout once you enter the code.' },
    ] },
  { customer: 'obrien', channel: 'web_form', subject: 'Website keeps logging me out', category: 'technical', priority: 'normal', status: 'new', tags: ['login', 'bug'], team: 'support', daysAgo: 0,
    thread: [
      { kind: 'in', body: 'Every time I add something to the cart on my phone (Safari), I get logged out. Very annoying.' },
    ] },
  { customer: 'chen', channel: 'email', subject: 'Reseller price list for 2027', category: 'application', priority: 'high', status: 'open', tags: ['reseller', 'pricing'], team: 'billing', assignee: 'nishimura', daysAgo: 2,
    thread: [
      { kind: 'in', body: 'Hi team, could you send the 2027 reseller price list and the new minimum order quantities for Singapore and Malaysia?' },
      { kind: 'out', body: 'Dear Mr. Chen,\n\nThank you for your message. The 2027 list is being finalized this week; we will send it by Friday together with the MOQ table.' },
      { kind: 'note', body: 'Ask Carter for the SG/MY margin sheet before sending.', by: 'nishimura' },
    ] },
  { customer: 'taylor', channel: 'line', subject: 'Delivery while I am away', category: 'order', priority: 'normal', status: 'solved', tags: ['delivery-time'], team: 'logistics', assignee: 'fukuda', daysAgo: 10,
    thread: [
      { kind: 'in', body: 'I will be away until Dec 3. Can you hold my order until then?' },
      { kind: 'out', body: 'Hi Olivia, sure! We will ship on Dec 3 so it arrives Dec 4. Have a good trip.' },
    ] },
  { customer: 'harris', channel: 'email', subject: 'Refund not received yet', category: 'refund', priority: 'normal', status: 'on_hold', tags: ['refund'], team: 'billing', assignee: 'nishimura', daysAgo: 6,
    thread: [
      { kind: 'in', body: 'I returned the jacket two weeks ago. When will I get my money back?' },
      { kind: 'out', body: 'Dear Mr. Harris,\n\nWe received your return on Nov 24. The refund is processed within 5 business days; we will confirm once it is sent.' },
      { kind: 'note', body: 'Waiting for warehouse inspection report before releasing the refund.', by: 'nishimura' },
    ] },
  { customer: 'smith', channel: 'chat', subject: 'Size chart for kids shoes', category: 'inquiry', priority: 'low', status: 'closed', tags: ['size'], team: 'support', assignee: 'baker', daysAgo: 80,
    thread: [
      { kind: 'in', body: 'Is 18 cm the same as US size 11?' },
      { kind: 'out', body: 'Hi Emily, 18 cm is close to US kids 11. Our size chart is linked on every product page.' },
    ] },
  { customer: 'brown', channel: 'phone', subject: '[Call] Onboarding for the new branch', category: 'appointment', priority: 'normal', status: 'open', tags: ['enterprise', 'onboarding'], team: 'support', assignee: 'kimura', daysAgo: 1,
    thread: [
      { kind: 'in', body: '(Call notes) Northwind opens a Kyoto branch in January and wants a 1-hour onboarding session for 12 staff.' },
      { kind: 'note', body: 'Proposed Jan 8 or 9, 10:00 JST. Waiting for their confirmation.', by: 'kimura' },
    ] },
  { customer: 'nguyen', channel: 'walk_in', subject: '[Walk-in] Exchange for a different colour', category: 'return', priority: 'low', status: 'solved', tags: ['exchange'], team: 'logistics', assignee: 'miura', daysAgo: 13,
    thread: [
      { kind: 'in', body: '(Counter record) Customer brought back a white scarf, unused, receipt present; wants grey.' },
      { kind: 'out', body: 'Hi Linh, thank you for visiting today. Your exchange is done; the receipt for the grey scarf is in your My Page.' },
    ] },
  { customer: 'patel', channel: 'web_form', subject: 'Please delete my account', category: 'application', priority: 'normal', status: 'new', tags: ['privacy'], team: 'support', daysAgo: 0,
    thread: [
      { kind: 'in', body: 'Under your privacy policy I ask you to delete my account and personal data.' },
    ] },
  { customer: 'wilson', channel: 'email', subject: 'Feedback: great packaging', category: 'feedback', priority: 'low', status: 'closed', tags: ['feedback'], team: 'support', assignee: 'baker', daysAgo: 100,
    thread: [
      { kind: 'in', body: 'Just wanted to say the plastic-free packaging is excellent. Keep it up!' },
      { kind: 'out', body: 'Thank you, Mr. Wilson! We have passed your kind words on to our warehouse team.' },
    ] },
  { customer: 'chen', channel: 'phone', subject: '[Call] Urgent: shipment stuck at customs', category: 'order', priority: 'urgent', status: 'open', tags: ['customs', 'reseller'], team: 'logistics', assignee: 'fukuda', daysAgo: 0,
    thread: [
      { kind: 'in', body: '(Call notes) 40 cartons held at Singapore customs: commercial invoice lacks HS codes.' },
      { kind: 'note', body: 'Corrected invoice with HS codes sent to the forwarder at 11:20. Follow up with Mr. Chen before 17:00.', by: 'fukuda' },
    ] },
  { customer: 'garcia', channel: 'chat', subject: 'Promo code for newsletter subscribers', category: 'inquiry', priority: 'low', status: 'solved', tags: ['coupon'], team: 'partner', assignee: 'santos', daysAgo: 19,
    thread: [
      { kind: 'in', body: 'I subscribed but never got the 10% code.' },
      { kind: 'out', body: 'Hi Sofia, sorry about that! Your code is NEWS10-SG8K, valid until the end of the month.' },
    ] },
  { customer: 'lee', channel: 'email', subject: 'Damaged box, product fine', category: 'feedback', priority: 'low', status: 'closed', tags: ['packaging'], team: 'logistics', assignee: 'fukuda', daysAgo: 65,
    thread: [
      { kind: 'in', body: 'The outer box was crushed but the lamp inside is fine. Just letting you know.' },
      { kind: 'out', body: 'Thank you, Ms. Lee. We have reported it to the carrier so it does not happen again.' },
    ] },
  { customer: 'taylor', channel: 'web_form', subject: 'Question about recycling the old appliance', category: 'inquiry', priority: 'normal', status: 'pending', tags: ['recycling'], team: 'logistics', assignee: 'miura', daysAgo: 2,
    thread: [
      { kind: 'in', body: 'When the new fridge is delivered, can you take the old one away? How much is it?' },
      { kind: 'out', body: 'Hi Olivia, yes: the appliance recycling fee is ¥4,730 plus ¥3,300 collection. Shall we add it to your order?' },
    ] },
  { customer: 'johnson', channel: 'email', subject: 'Wrong voltage adapter in the box', category: 'complaint', priority: 'normal', status: 'open', tags: ['wrong-item'], team: 'logistics', assignee: 'miura', daysAgo: 1,
    thread: [
      { kind: 'in', body: 'The hair dryer I ordered came with a Japanese 100 V plug only. I live in Texas — is there a 120 V version?' },
      { kind: 'note', body: 'Model HD-7 is dual voltage (100–240 V); only a plug adapter is needed. Offer a free adapter.', by: 'miura' },
    ] },
  { customer: 'harris', channel: 'chat', subject: 'Can I change my order after paying?', category: 'order', priority: 'low', status: 'solved', tags: ['order-change'], team: 'partner', assignee: 'santos', daysAgo: 4,
    thread: [
      { kind: 'in', body: 'I just paid but chose the wrong colour. Can I still change it?' },
      { kind: 'out', body: 'Hi Daniel, yes — your order has not shipped yet. I have changed it to navy; the price is the same.' },
      { kind: 'in', body: 'Perfect, thank you!' },
    ] },
]
