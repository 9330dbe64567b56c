import type { Locale, ReminderKind } from '@jinan/contracts';

/**
 * The reminder mails, per kind and language: a subject naming the counterpart (when the
 * reminder is about a meeting) and a sentence saying what to do, with where to do it.
 */
const SUBJECT: Record<ReminderKind, Record<Locale, (counterpart: string) => string>> = {
  no_request: {
    en: () => 'You have not requested any meeting yet',
    ja: () => 'まだ商談の申請がありません',
    'zh-CN': () => '您还没有提出任何洽谈申请',
  },
  answer_due: {
    en: (c) => `Please answer the meeting request from ${c} within 24 hours`,
    ja: (c) => `${c}との商談への回答期限が24時間以内です`,
    'zh-CN': (c) => `请在24小时内答复与${c}的洽谈申请`,
  },
  unconfirmed_slot: {
    en: (c) => `Please confirm the time of your meeting with ${c}`,
    ja: (c) => `${c}との商談の時間をご確認ください`,
    'zh-CN': (c) => `请确认您与${c}的洽谈时间`,
  },
  feedback_due: {
    en: (c) => `How did your meeting with ${c} go?`,
    ja: (c) => `${c}との商談はいかがでしたか`,
    'zh-CN': (c) => `您与${c}的洽谈效果如何？`,
  },
  follow_up_due: {
    en: (c) => `Three months on: how is your cooperation with ${c}?`,
    ja: (c) => `3か月が経ちました：${c}との協力の進み具合は？`,
    'zh-CN': (c) => `三个月过去了：您与${c}的合作进展如何？`,
  },
};

const BODY: Record<ReminderKind, Record<Locale, string>> = {
  no_request: {
    en: 'Browse the offers of Ji\u2019nan companies and request the meetings you want; the bureau reviews each request.',
    ja: '済南企業の案件を閲覧し、希望する商談を申請してください。申請は事務局が確認します。',
    'zh-CN': '请浏览济南企业的项目并申请您希望的洽谈，主办方会审核每一项申请。',
  },
  answer_due: {
    en: 'Open the request and accept or decline it; unanswered requests expire at their deadline.',
    ja: '申請を開いて承諾または辞退してください。期限までに回答がない申請は失効します。',
    'zh-CN': '请打开申请并接受或谢绝；逾期未答复的申请将自动失效。',
  },
  unconfirmed_slot: {
    en: 'The meeting starts within 48 hours. Open your agenda and confirm or decline the slot.',
    ja: '商談は48時間以内に始まります。アジェンダを開いて時間を確定または辞退してください。',
    'zh-CN': '洽谈将在48小时内开始，请打开日程确认或谢绝该时段。',
  },
  feedback_due: {
    en: 'Please rate the meeting and tell us its outcome; it takes a minute.',
    ja: '商談の評価と成果をお知らせください（1分で終わります）。',
    'zh-CN': '请为本次洽谈评分并告诉我们结果，只需一分钟。',
  },
  follow_up_due: {
    en: 'Please give the follow-up answer for this meeting: where has the cooperation got to?',
    ja: 'この商談のフォローアップにご回答ください：協力はどこまで進みましたか。',
    'zh-CN': '请填写本次洽谈的跟踪反馈：合作进展到哪一步了？',
  },
};

export function reminderMail(kind: ReminderKind, counterpart: string, locale: Locale): { subject: string; text: string } {
  const subject = SUBJECT[kind][locale](counterpart);
  return { subject, text: `${subject}\n\n${BODY[kind][locale]}` };
}
