/** A plan line as compared between rounds and versions. */
export interface LineSnapshot {
  position: number;
  resourceType: string;
  plannedCount: number;
  dueDate: string;
  sharingMode: string;
  notes: string | null;
}

export interface LineChange {
  position: number;
  change: 'added' | 'removed' | 'changed';
  fields: Array<{ field: keyof LineSnapshot; from: unknown; to: unknown }>;
  before: LineSnapshot | null;
  after: LineSnapshot | null;
}

const FIELDS: Array<keyof LineSnapshot> = ['resourceType', 'plannedCount', 'dueDate', 'sharingMode', 'notes'];

/** Line-by-line differences between two snapshots of a plan (lines are identified by position). */
export function diffLines(before: LineSnapshot[], after: LineSnapshot[]): LineChange[] {
  const changes: LineChange[] = [];
  const positions = [...new Set([...before.map((l) => l.position), ...after.map((l) => l.position)])].sort((a, b) => a - b);
  for (const position of positions) {
    const a = before.find((l) => l.position === position) ?? null;
    const b = after.find((l) => l.position === position) ?? null;
    if (!a && b) changes.push({ position, change: 'added', fields: [], before: null, after: b });
    else if (a && !b) changes.push({ position, change: 'removed', fields: [], before: a, after: null });
    else if (a && b) {
      const fields = FIELDS.filter((f) => (a[f] ?? null) !== (b[f] ?? null)).map((f) => ({ field: f, from: a[f] ?? null, to: b[f] ?? null }));
      if (fields.length) changes.push({ position, change: 'changed', fields, before: a, after: b });
    }
  }
  return changes;
}
