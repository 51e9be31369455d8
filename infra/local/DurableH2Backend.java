// mongo-java-server's H2 backend, made durable per write: a command's changes are committed to the
// MVStore file and fsynced before its reply leaves. H2 as shipped commits from a background thread
// about once a second and never fsyncs there, so an acknowledged write could die with the JVM or
// the machine. Compiled once into .cache/jars/classes by jars.ts.
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

public class DurableH2Backend extends H2Backend {

    private static final long HOUSEKEEPING_SECONDS = 1;
    /** Chunks less full than this are rewritten by housekeeping (H2's own default is 90 %). */
    private static final int TARGET_FILL_RATE = 50;
    private static final int HOUSEKEEPING_WRITE_LIMIT = 4 << 20;
    /**
     * Run alone: mongo-java-server's `create` is not synchronized against the implicit creation
     * by an insert or createIndexes, and a lost race leaves a duplicate namespace entry in the
     * file (seen under load: "Document with key 'db.orgs' already existed in system.namespaces").
     */
    private static final Set<String> SCHEMA_COMMANDS =
            Set.of("create", "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    // Commands share the lock; commit + fsync take it alone, so a stored version never holds half
    // of a command (a document without its unique index entry, say), and a command that finds no
    // unsaved changes under the shared lock knows they are already on disk.
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mvstore-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public DurableH2Backend(String fileName) {
        // No background writer: every store is one of ours, made before the reply.
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
        // H2 keeps dead chunks 45 s by default in case the OS has not flushed the newer ones yet;
        // every commit here is fsynced before the next one starts, so their space can be reused
        // at once (the file stays small under a stream of one-document commits).
        getMvStore().setRetentionTime(0);
        housekeeping.scheduleWithFixedDelay(this::compact, HOUSEKEEPING_SECONDS, HOUSEKEEPING_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * H2's databases, with their `_id` indexes answering every filter that pins `_id`, updates
     * without the whole-document copies made only to compare (LeanUpdates), and
     * collections that keep no running data size (see MongoLauncher: two whole-document BSON
     * encodings per update, here also a write of the size into the store; `collStats` reports 0).
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
                return IdFirstIndex.around(super.openOrCreateUniqueIndex(collection, name, keys, sparse), keys, sparse);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                // H2Database opens the collection's maps (MVStore hands out the same map for a name);
                // their names are checked to exist before use, so a change of H2Database's naming
                // fails here instead of showing an empty collection.
                super.openOrCreateCollection(collection, options);
                MVMap<Object, Document> data = existingMap("databases." + getFullCollectionNamespace(collection));
                MVMap<String, Object> meta = existingMap("meta." + getFullCollectionNamespace(collection));
                return new H2Collection(this, collection, options, data, meta, cursorRegistry) {
                    private final LeanUpdates updates = new LeanUpdates(this);

                    @Override
                    protected boolean tracksDataSize() {
                        return false;
                    }

                    @Override
                    public synchronized Document updateDocuments(Document selector, Document update,
                            ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
                        return updates.update(selector, update, arrayFilters, isMulti, isUpsert, oplog);
                    }

                    @Override
                    protected int getDataSize() {
                        return 0;
                    }
                };
            }
        };
    }

    private <K, V> MVMap<K, V> existingMap(String name) {
        if (!getMvStore().hasMap(name)) {
            throw new IllegalStateException("mongo-java-server's H2 backend no longer names a collection's map " + name);
        }
        return getMvStore().openMap(name);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (SCHEMA_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commands.writeLock().lock();
            try {
                Document reply = super.handleCommand(channel, databaseName, command, query);
                commitAndSync(); // the write lock is reentrant
                return reply;
            } finally {
                commands.writeLock().unlock();
            }
        }
        Document reply;
        boolean unsaved;
        commands.readLock().lock();
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
            unsaved = getMvStore().hasUnsavedChanges();
        } finally {
            commands.readLock().unlock();
        }
        if (unsaved) {
            commitAndSync();
        }
        return reply;
    }

    /** One commit and one fsync cover every command that finished before it: group commit. */
    private void commitAndSync() {
        MVStore store = getMvStore();
        commands.writeLock().lock();
        try {
            if (store.commit() >= 0) {
                store.sync();
            }
        } finally {
            commands.writeLock().unlock();
        }
    }

    /** Rewrites sparse chunks (what H2's background thread would do), then makes that durable. */
    private void compact() {
        MVStore store = getMvStore();
        commands.writeLock().lock();
        try {
            if (store.isClosed()) {
                return;
            }
            if (store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_LIMIT)) {
                store.commit();
                store.sync();
            }
        } catch (RuntimeException e) {
            e.printStackTrace(); // a failed compaction loses nothing; the next one retries
        } finally {
            commands.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        commands.writeLock().lock();
        try {
            super.close(); // commits, marks the file cleanly closed and fsyncs
        } finally {
            commands.writeLock().unlock();
        }
    }
}
