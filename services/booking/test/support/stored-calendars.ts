import { MongoClient } from 'mongodb';

export interface StoredBookingRow {
  id: string;
  start: Date;
  end: Date;
  quantity: number;
  status: string;
  version: number;
}

/**
 * The bookings stored for these resources, read straight from the database as its layout is
 * documented (CalendarRepository): each head document and then the week documents it lists, each
 * booking once, in its highest `version`. Written apart from the repository's own reading, so a
 * test checks the stored documents, not the code under test. `inWeeks`: how many booking copies
 * the weeks hold (0 = nothing was ever folded).
 */
export async function storedCalendars(
  env: Record<string, string | undefined>,
  resourceIds: string[],
): Promise<{ calendars: Map<string, StoredBookingRow[]>; inWeeks: number }> {
  const client = await MongoClient.connect(env.MONGO_URL!);
  try {
    const db = client.db(`${env.MONGO_DB_PREFIX!}booking`);
    const heads = await db
      .collection<{ _id: string; bookings: StoredBookingRow[]; weeks?: number[] }>('calendars')
      .find({ _id: { $in: resourceIds } })
      .toArray();
    const weekIds = heads.flatMap((h) => (h.weeks ?? []).map((w) => `${h._id}@${w}`));
    const weeks = await db
      .collection<{ _id: string; resource: string; bookings: StoredBookingRow[] }>('calendar_weeks')
      .find({ _id: { $in: weekIds } })
      .toArray();
    const calendars = new Map<string, StoredBookingRow[]>();
    for (const head of heads) {
      const newest = new Map<string, StoredBookingRow>();
      const copies = [
        ...weeks.filter((w) => w.resource === head._id).flatMap((w) => w.bookings),
        ...head.bookings,
      ];
      for (const b of copies) if ((newest.get(b.id)?.version ?? 0) < b.version) newest.set(b.id, b);
      calendars.set(head._id, [...newest.values()]);
    }
    return { calendars, inWeeks: weeks.reduce((n, w) => n + w.bookings.length, 0) };
  } finally {
    await client.close();
  }
}
