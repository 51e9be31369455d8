// mongo-java-server's `updateDocuments`, with a document counted as modified when the update stored
// it changed. As shipped, after updating each document the server compares it once more with its
// copy from before, by normalizing both whole documents into fresh copies (`Utils.nullAwareEquals`),
// only to count `nModified`. Under booking load that was a third of the server's CPU, and it grows
// with the document. The update has already compared the two (`equals`) and stored the document only
// if they differ, calling the collection's `handleUpdate`: here that call is what is counted. `$set`
// already leaves a field alone when its new value equals the old one (normalized), so the counts
// are those shipped (update-counts.integration-test.ts).
// The rest is the stock method, reached through method handles on the collection's private parts.
// They are looked up when the class loads, so a release that renames one fails at the server's
// start, not with a wrong answer. Compiled once into .cache/jars/classes by jars.ts.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;

final class UpdatesCountedByChange {

    private static final MethodHandle QUERY_DOCUMENTS;
    private static final MethodHandle UPDATE_DOCUMENT;
    private static final MethodHandle HANDLE_UPSERT;
    private static final MethodHandle MATCHER;
    private static final MethodHandle ID_FIELD;

    static {
        Class<?> c = AbstractMongoCollection.class;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
            QUERY_DOCUMENTS = lookup.findVirtual(c, "queryDocuments", MethodType.methodType(QueryResult.class,
                    Document.class, Document.class, int.class, int.class, int.class, Document.class));
            UPDATE_DOCUMENT = lookup.findVirtual(c, "updateDocument", MethodType.methodType(Document.class,
                    Document.class, Document.class, ArrayFilters.class, Integer.class));
            HANDLE_UPSERT = lookup.findVirtual(c, "handleUpsert", MethodType.methodType(Document.class,
                    Document.class, Document.class, ArrayFilters.class));
            MATCHER = lookup.findGetter(c, "matcher", QueryMatcher.class);
            ID_FIELD = lookup.findVirtual(c, "getIdField", MethodType.methodType(String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AbstractMongoCollection<?> collection;
    private boolean stored;

    UpdatesCountedByChange(AbstractMongoCollection<?> collection) {
        this.collection = collection;
    }

    /** Called from the collection's `handleUpdate`: the update being made stored a changed document. */
    void stored() {
        stored = true;
    }

    /** The stock `updateDocuments`; the caller holds the collection's lock, as the stock one does. */
    Document update(Document selector, Document updateQuery, ArrayFilters arrayFilters, boolean isMulti,
                    boolean isUpsert, Oplog oplog) {
        try {
            if (isMulti) {
                for (String key : updateQuery.keySet()) {
                    if (!key.startsWith("$")) {
                        throw new MongoServerError(10158, "multi update only works with $ operators");
                    }
                }
            }
            String idField = (String) ID_FIELD.invoke(collection);
            QueryMatcher matcher = (QueryMatcher) MATCHER.invoke(collection);
            QueryResult found = (QueryResult) QUERY_DOCUMENTS.invoke(collection, selector, null, 0, 0, 0, null);
            int nMatched = 0;
            List<Object> updatedIds = new ArrayList<>();
            for (Document document : found) {
                Integer matchPos = matcher.matchPosition(document, selector);
                stored = false;
                UPDATE_DOCUMENT.invoke(collection, document, updateQuery, arrayFilters, matchPos);
                if (stored) {
                    updatedIds.add(document.get(idField));
                }
                nMatched++;
                if (!isMulti) {
                    break;
                }
            }
            Document result = new Document();
            if (nMatched == 0 && isUpsert) {
                Document inserted = (Document) HANDLE_UPSERT.invoke(collection, updateQuery, selector, arrayFilters);
                result.put("upserted", inserted.get(idField));
                oplog.handleInsert(collection.getFullName(), List.of(inserted));
            } else {
                oplog.handleUpdate(collection.getFullName(), selector, updateQuery, updatedIds);
            }
            result.put("n", Integer.valueOf(nMatched));
            result.put("nModified", Integer.valueOf(updatedIds.size()));
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
