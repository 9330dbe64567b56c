import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateKeyProjectDto, KeyProjectView } from '@jinan/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { loadEdition } from '../editions/editions';
import { assertKeyProjectMeeting, keyProjectText, signedOutcomeOrRefuse } from './key-project-rules';
import { keyProjectsPrintPage, PrintLocale } from './key-projects-print';
import { deleteKeyProject, findKeyProject, insertKeyProject, latestSignedOutcome, listKeyProjects, meetingInEdition } from './key-projects.queries';

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
      assertKeyProjectMeeting(dto.meetingId, await meetingInEdition(tx, dto.meetingId, editionId));
      const feedbackId = dto.fromSignedOutcome ? signedOutcomeOrRefuse(await latestSignedOutcome(tx, dto.meetingId)) : null;
      const projectId = await insertKeyProject(tx, { editionId, meetingId: dto.meetingId, feedbackId, ...keyProjectText(dto), createdBy: caller.id });
      await this.audit.record(tx, {
        actorId: caller.id,
        action: 'key_project.create',
        entity: 'key_project',
        entityId: projectId,
        editionId,
        details: { meetingId: dto.meetingId, fromSignedOutcome: !!feedbackId },
      });
      return projectId;
    });
    return (await findKeyProject(this.db.manager, id))!;
  }

  async list(editionId: string): Promise<KeyProjectView[]> {
    await loadEdition(this.db, editionId);
    return listKeyProjects(this.db.manager, editionId);
  }

  async remove(caller: AuthUser, editionId: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await deleteKeyProject(tx, id, editionId);
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
