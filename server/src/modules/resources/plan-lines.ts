import type { Kysely } from 'kysely';
import type { DB, Resource } from '../../db/schema';

/**
 * The approved plan line a resource counts towards: resources of a type fill that type's lines in
 * due-date order, oldest resource first; null when the plan has no (remaining) line for it.
 */
export async function planLineFor(db: Kysely<DB>, resource: Resource) {
  const plan = await db.selectFrom('plans').select('approvedVersionId').where('subjectId', '=', resource.subjectId).executeTakeFirst();
  if (!plan?.approvedVersionId) return null;
  const lines = await db.selectFrom('planLines').selectAll().where('planVersionId', '=', plan.approvedVersionId).where('resourceType', '=', resource.resourceType).orderBy('dueDate').orderBy('position').execute();
  const siblings = await db.selectFrom('resources').select(['id']).where('subjectId', '=', resource.subjectId).where('resourceType', '=', resource.resourceType)
    .where('status', 'not in', ['superseded', 'withdrawn']).orderBy('createdAt').orderBy('id').execute();
  const index = siblings.findIndex((r) => r.id === resource.id);
  let covered = 0;
  for (const line of lines) {
    covered += line.plannedCount;
    if (index < covered) return { position: line.position, resourceType: line.resourceType, plannedCount: line.plannedCount, dueDate: line.dueDate, ordinal: index + 1 };
  }
  return null;
}
