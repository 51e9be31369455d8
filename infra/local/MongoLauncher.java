// Starts mongo-java-server on 127.0.0.1:<port>; its own main() only binds localhost:27017.
//   MongoLauncher <port> memory        in-memory backend: data lost on stop (tests)
//   MongoLauncher <port> h2 <file>     H2 MVStore file, each write on disk before its reply
// Compiled once into .cache/jars/classes by jars.ts.
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

public class MongoLauncher {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        MongoServer server = new MongoServer(backend(args));
        server.bind("127.0.0.1", port);
        // SIGTERM and System.exit run shutdown hooks: close the sockets, then the store cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port + ", backend " + args[1]);
    }

    private static MongoBackend backend(String[] args) {
        switch (args[1]) {
            // No oplog in either: nothing in LabShare opens change streams, and an oplog here is
            // never capped, so it would keep a copy of every write for as long as the data lives.
            case "memory":
                return new IdFirstMemoryBackend();
            case "h2":
                return new DurableH2Backend(args[2]);
            default:
                throw new IllegalArgumentException("backend must be memory or h2, not " + args[1]);
        }
    }

    /**
     * The in-memory backend with its `_id` indexes answering every filter that pins `_id`, updates
     * without the whole-document copies made only to compare (LeanUpdates), and
     * collections that keep no running data size. Tracking it, the server encodes the whole document
     * as BSON twice on every update (old and new, to add the difference), which was nearly half of
     * its CPU under booking load; the size only feeds `collStats`/`dbStats`, which nothing here reads
     * (they report 0 instead).
     */
    private static final class IdFirstMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
                    return IdFirstIndex.around(super.openOrCreateUniqueIndex(collection, name, keys, sparse), keys, sparse);
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                    return new MemoryCollection(this, collection, options, getCursorRegistry()) {
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
                    };
                }
            };
        }
    }
}
