import type { Locale } from '@jinan/contracts';
import type { Mail } from '../notifications/mail.service';

/**
 * Account mails, in the recipient's language. They carry secrets (a reset link) or
 * concern someone who may not have an account yet, so they are sent straight through
 * the mailer rather than stored in the notifications outbox: only the token's hash is
 * ever written to the database.
 */
const RESET: Record<Locale, { subject: string; text: (link: string) => string }> = {
  en: {
    subject: 'Reset your password',
    text: (link) =>
      `Someone (hopefully you) asked to reset your password.\n\nOpen this link within 30 minutes to choose a new one:\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.`,
  },
  ja: {
    subject: 'パスワードの再設定',
    text: (link) =>
      `パスワード再設定のご依頼を受け付けました。\n\n30分以内に次のリンクを開き、新しいパスワードを設定してください：\n${link}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。`,
  },
  'zh-CN': {
    subject: '重置密码',
    text: (link) => `我们收到了重置您密码的请求。\n\n请在30分钟内打开以下链接设置新密码：\n${link}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。`,
  },
};

const TAKEN: Record<Locale, { subject: string; text: (loginLink: string, resetLink: string) => string }> = {
  en: {
    subject: 'Someone tried to register with your e-mail address',
    text: (login, reset) =>
      `Someone tried to register a new account with this e-mail address, which already has one.\n\nIf it was you, log in: ${login}\nForgot your password? ${reset}\n\nIf it was not you, no action is needed.`,
  },
  ja: {
    subject: 'お客様のメールアドレスで登録が試みられました',
    text: (login, reset) =>
      `このメールアドレスは既に登録済みですが、新規登録が試みられました。\n\nご本人の場合はログインしてください：${login}\nパスワードをお忘れの場合：${reset}\n\nお心当たりがない場合、対応は不要です。`,
  },
  'zh-CN': {
    subject: '有人尝试用您的邮箱注册',
    text: (login, reset) =>
      `有人尝试用此邮箱注册新账户，但该邮箱已有账户。\n\n如果是您本人，请登录：${login}\n忘记密码？${reset}\n\n如果不是您本人，无需任何操作。`,
  },
};

export function passwordResetMail(to: string, locale: Locale, link: string): Mail {
  const t = RESET[locale] ?? RESET.en;
  return { to, subject: t.subject, text: t.text(link) };
}

export function emailTakenMail(to: string, locale: Locale, baseUrl: string): Mail {
  const t = TAKEN[locale] ?? TAKEN.en;
  return { to, subject: t.subject, text: t.text(`${baseUrl}/login`, `${baseUrl}/forgot-password`) };
}
