import {
  MEETING_USER_ACTIONS,
  MeetingUserAction,
  CONTACT_VISIBLE_STATUSES,
  MeetingContact,
  MeetingParty,
  MeetingStatus,
  MeetingTransitionView,
  MeetingView,
  ScorePartView,
} from '@jinan/contracts';
import { Organization } from '../organizations/organization.entity';
import { awaiting, decideTransition } from './meeting-state-machine';
import { Meeting } from './meeting.entity';

/** Who looks at a meeting: the bureau (null) or one of the two organizations. */
export type Viewer = { side: 'jp' | 'cn' | 'bureau'; organizationId: string | null };

export interface ContactRow {
  organization_id: string;
  full_name: string;
  email: string;
  phone: string | null;
  shares_contact: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A delegate's email and phone reach the counterpart only once the meeting is accepted
 * and only with the delegate's consent; the bureau and the delegate's own organization
 * always see them (docs/product.md §8).
 */
export function contactsVisible(viewer: Viewer, status: MeetingStatus, organizationId: string): boolean {
  if (viewer.side === 'bureau' || viewer.organizationId === organizationId) return true;
  return (CONTACT_VISIBLE_STATUSES as readonly MeetingStatus[]).includes(status);
}

function party(org: Organization, viewer: Viewer, status: MeetingStatus, contacts: Map<string, ContactRow[]>): MeetingParty {
  const own = viewer.side === 'bureau' || viewer.organizationId === org.id;
  return {
    id: org.id,
    country: org.country,
    name: { zh: org.nameZh, ja: org.nameJa, en: org.nameEn },
    sectors: org.sectors,
    contacts: contactsVisible(viewer, status, org.id)
      ? (contacts.get(org.id) ?? []).map(
          (c): MeetingContact => ({
            fullName: c.full_name,
            email: own || c.shares_contact ? c.email : null,
            phone: own || c.shares_contact ? c.phone : null,
          }),
        )
      : null,
  };
}

/** `m` with its organizations and offer loaded. */
export function meetingView(
  m: Meeting,
  viewer: Viewer,
  contacts: Map<string, ContactRow[]>,
  matchScore: number | null,
  matchReasons: ScorePartView[] = [],
): MeetingView {
  if (!m.jpOrganization || !m.cnOrganization) throw new Error(`meeting ${m.id} loaded without its organizations`);
  return {
    id: m.id,
    editionId: m.editionId,
    status: m.status,
    origin: m.origin,
    sector: m.sector,
    jpOrganization: party(m.jpOrganization, viewer, m.status, contacts),
    cnOrganization: party(m.cnOrganization, viewer, m.status, contacts),
    offer: m.offer ? { id: m.offer.id, titleZh: m.offer.titleZh, titleJa: m.offer.titleJa, titleEn: m.offer.titleEn } : null,
    message: m.message,
    priority: m.priority,
    version: m.version,
    createdById: m.createdBy,
    answerDeadline: iso(m.answerDeadline),
    jpAcceptedAt: iso(m.jpAcceptedAt),
    cnAcceptedAt: iso(m.cnAcceptedAt),
    slotPublishedAt: iso(m.slotPublishedAt),
    jpConfirmedAt: iso(m.jpConfirmedAt),
    cnConfirmedAt: iso(m.cnConfirmedAt),
    yourSide: viewer.side === 'bureau' ? null : viewer.side,
    awaiting: awaiting(m),
    allowedActions: allowedActions(m, viewer),
    matchScore,
    matchReasons,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The actions the state machine would let this viewer take now (the web app shows only these). */
export function allowedActions(m: Meeting, viewer: Viewer): MeetingUserAction[] {
  const now = new Date();
  return MEETING_USER_ACTIONS.filter((action) => decideTransition(m, action, viewer.side, now).ok);
}

export interface TransitionRow {
  at: Date;
  action: string;
  from_status: MeetingStatus | null;
  to_status: MeetingStatus;
  actor_id: string | null;
  actor_role: MeetingTransitionView['actor']['role'];
  actor_name: string | null;
  actor_organization_id: string | null;
  note: string | null;
}

/** The actor's name is shown to the bureau and to the actor's own organization. */
export function transitionView(t: TransitionRow, viewer: Viewer): MeetingTransitionView {
  const nameVisible =
    viewer.side === 'bureau' || t.actor_role === 'bureau' || (t.actor_organization_id !== null && t.actor_organization_id === viewer.organizationId);
  return {
    at: new Date(t.at).toISOString(),
    action: t.action,
    from: t.from_status,
    to: t.to_status,
    actor: { id: t.actor_id, role: t.actor_role, fullName: nameVisible ? t.actor_name : null },
    note: t.note,
  };
}
