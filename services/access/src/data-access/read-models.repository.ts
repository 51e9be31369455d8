import type { Connection } from 'mongoose';
import type { Booking, Resource } from '@labshare/contracts';
import { SnapshotStore } from '@labshare/mongo';
import type { BookingDirectory, ResourceDirectory } from '../domain/ports';

/** How long a request waits for a snapshot still on its way (see `SnapshotStore.getOrAwait`). */
export interface ReadModelOptions {
  awaitMs: number;
}

/** Booking's bookings as access knows them, from `booking.*` snapshot events (never booking's database). */
export class BookingReadModel implements BookingDirectory {
  private readonly store: SnapshotStore<Booking>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new SnapshotStore(db, 'bookings', options);
  }

  save(booking: Booking) {
    return this.store.save(booking);
  }

  get(id: string) {
    return this.store.get(id);
  }

  getOrAwait(id: string, accept?: (booking: Booking) => boolean) {
    return this.store.getOrAwait(id, accept);
  }
}

/** Inventory's resources as access knows them, from `resource.*` snapshot events. */
export class ResourceReadModel implements ResourceDirectory {
  private readonly store: SnapshotStore<Resource>;

  constructor(db: Connection, options: ReadModelOptions) {
    this.store = new SnapshotStore(db, 'resources', options);
  }

  save(resource: Resource) {
    return this.store.save(resource);
  }

  getOrAwait(id: string) {
    return this.store.getOrAwait(id);
  }
}
