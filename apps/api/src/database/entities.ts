import { AuditEntry } from '../audit/audit-entry.entity';
import { MeetingTransition } from '../meetings/meeting-transition.entity';
import { Meeting } from '../meetings/meeting.entity';
import { Notification } from '../notifications/notification.entity';
import { Edition } from '../editions/edition.entity';
import { NegotiationTable } from '../editions/negotiation-table.entity';
import { ProgrammeSession } from '../editions/programme-session.entity';
import { Slot } from '../editions/slot.entity';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once for the DataSource (bundlers cannot glob). */
export const ENTITIES = [User, Organization, Offer, Edition, ProgrammeSession, Slot, NegotiationTable, AuditEntry, Meeting, MeetingTransition, Notification];
