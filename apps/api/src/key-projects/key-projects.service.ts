import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateKeyProjectDto, KeyProjectView } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { loadEdition } from '../editions/editions';
import { keyProjectsPrintPage, PrintLocale } from './key-projects-print';
import { findKeyProject, listKeyProjects } from './key-projects.queries';

/** Meetings that take or took place: only these can be signed at the ceremony. */
const TAKING_PLACE = ['accepted', 'scheduled', 'confirmed', 'held'];

/**
 * Key projects for the plenary's signing ceremony (PRODUCT.md §1–2): the bureau marks a
 * meeting — or the signed outcome a party reported for it — with a title in the three
 * languages and the signing parties. Bureau only, every change audited.
 */
@Injectable()
export class KeyProjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: AuthUser, editionId: string, dto: CreateKeyProjectDto): Promise<KeyProjectView> {
    const id = await this.db.transaction(async (tx) => {
      await loadEdition(tx, editionId);
      const [meeting] = await tx.query(`SELECT id, status FROM meetings WHERE id = $1 AND edition_id = $2`, [dto.meetingId, editionId]);
      if (!meeting) throw new DomainError('KEY_PROJECT_MEETING_NOT_FOUND', `no meeting ${dto.meetingId} in this edition`);
      if (!TAKING_PLACE.includes(meeting.status)) {
        throw new DomainError('KEY_PROJECT_MEETING_NOT_TAKING_PLACE', `a ${meeting.status} meeting cannot be a key project; it must be accepted or take place`);
      }
      let feedbackId: string | null = null;
      if (dto.fromSignedOutcome) {
        const [signed] = await tx.query(
          `SELECT id FROM meeting_feedback WHERE meeting_id = $1 AND outcome = 'agreement_signed' ORDER BY stage DESC, at DESC LIMIT 1`,
          [dto.meetingId],
        );
        if (!signed) throw new DomainError('KEY_PROJECT_NO_SIGNED_OUTCOME', 'no party has reported a signed agreement for this meeting');
        feedbackId = signed.id;
      }
      const [row] = await tx.query(
        `INSERT INTO key_projects (edition_id, meeting_id, feedback_id, title_zh, title_ja, title_en, signing_parties, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          editionId,
          dto.meetingId,
          feedbackId,
          dto.titleZh.trim(),
          dto.titleJa.trim(),
          dto.titleEn.trim(),
          JSON.stringify(dto.signingParties.map((p) => p.trim())),
          caller.id,
        ],
      );
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'key_project.create',
        entity: 'key_project',
        entityId: row.id,
        editionId,
        details: { meetingId: dto.meetingId, fromSignedOutcome: !!feedbackId },
      });
      return row.id as string;
    });
    return (await findKeyProject(this.db.manager, id))!;
  }

  async list(editionId: string): Promise<KeyProjectView[]> {
    await loadEdition(this.db, editionId);
    return listKeyProjects(this.db.manager, editionId);
  }

  async remove(caller: AuthUser, editionId: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // (In a CTE so the driver returns the deleted rows, not [rows, count].)
      const [row] = await tx.query(`WITH gone AS (DELETE FROM key_projects WHERE id = $1 AND edition_id = $2 RETURNING meeting_id) SELECT * FROM gone`, [
        id,
        editionId,
      ]);
      if (!row) throw new DomainError('KEY_PROJECT_NOT_FOUND', `no key project ${id} in this edition`);
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'key_project.delete',
        entity: 'key_project',
        entityId: id,
        editionId,
        details: { meetingId: row.meeting_id },
      });
    });
  }

  async printPage(editionId: string, locale: PrintLocale): Promise<string> {
    const edition = await loadEdition(this.db, editionId);
    const projects = await listKeyProjects(this.db.manager, editionId);
    return keyProjectsPrintPage(locale === 'ja' ? edition.nameJa : edition.nameZh, projects, locale);
  }
}
