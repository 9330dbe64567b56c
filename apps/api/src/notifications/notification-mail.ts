import type { Locale, MeetingStatus } from '@jinan/contracts';
import type { MeetingNotificationPayload } from './notification.entity';
import { reminderMail } from './reminder-mail';

const STATUS: Record<MeetingStatus, Record<Locale, string>> = {
  requested: { en: 'requested', ja: '申請中', 'zh-CN': '已申请' },
  approved: { en: 'approved by the bureau', ja: '事務局承認済み', 'zh-CN': '已获主办方批准' },
  proposed: { en: 'proposed by the bureau', ja: '事務局からの提案', 'zh-CN': '主办方推荐' },
  accepted: { en: 'accepted', ja: '成立', 'zh-CN': '已接受' },
  rejected: { en: 'rejected by the bureau', ja: '事務局により却下', 'zh-CN': '已被主办方驳回' },
  declined: { en: 'declined', ja: '辞退', 'zh-CN': '已谢绝' },
  expired: { en: 'expired without an answer', ja: '期限切れ', 'zh-CN': '已过期' },
  cancelled: { en: 'cancelled', ja: 'キャンセル', 'zh-CN': '已取消' },
  scheduled: { en: 'scheduled', ja: '日程調整済み', 'zh-CN': '已排期' },
  confirmed: { en: 'confirmed', ja: '確定', 'zh-CN': '已确认' },
  held: { en: 'held', ja: '実施済み', 'zh-CN': '已举行' },
  no_show: { en: 'marked as no-show', ja: '不参加', 'zh-CN': '未出席' },
};

const LINE: Record<Locale, (name: string, status: string) => string> = {
  en: (name, status) => `Your meeting with ${name}: ${status}`,
  ja: (name, status) => `${name}との商談：${status}`,
  'zh-CN': (name, status) => `您与${name}的洽谈：${status}`,
};

/** A new message in a meeting's thread; the excerpt is the mail's text. */
const MESSAGE_LINE: Record<Locale, (name: string) => string> = {
  en: (name) => `New message about your meeting with ${name}`,
  ja: (name) => `${name}との商談に新しいメッセージがあります`,
  'zh-CN': (name) => `您与${name}的洽谈有一条新消息`,
};

type Names = MeetingNotificationPayload['jpName'];

function nameIn(names: Names | null, locale: Locale): string {
  // A reminder about no meeting ("no request yet") names no counterpart.
  if (!names) return '';
  const preferred = locale === 'ja' ? names.ja : locale === 'zh-CN' ? names.zh : names.en;
  return preferred ?? names.en ?? names.zh ?? names.ja ?? '';
}

/** The subject and text of the mail for one recipient, in their language. */
export function meetingMail(payload: MeetingNotificationPayload, recipientOrganizationId: string | null, locale: Locale) {
  const counterpart =
    recipientOrganizationId === payload.jpOrganizationId
      ? nameIn(payload.cnName, locale)
      : recipientOrganizationId
        ? nameIn(payload.jpName, locale)
        : `${nameIn(payload.jpName, locale)} – ${nameIn(payload.cnName, locale)}`;
  if (payload.reminder) return reminderMail(payload.reminder, counterpart, locale);
  const subject = payload.action === 'message' ? MESSAGE_LINE[locale](counterpart) : LINE[locale](counterpart, STATUS[payload.to][locale]);
  const text = [subject, payload.note ? `\n${payload.note}` : ''].join('');
  return { subject, text };
}
