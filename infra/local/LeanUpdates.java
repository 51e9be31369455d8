// mongo-java-server's update path (`updateDocuments`) without the whole-document copies it makes. As
// shipped, each document's update (1) deep-copied the document as it was, then computed the updated
// document on a second deep copy, with the change applied, and stored it if it differed; and (2)
// normalized the document before and after into fresh copies and compared them once more, only to
// count `nModified`. Under booking load (2) was a third of the server's CPU samples and (1) much of
// the rest, all growing with the document, however small the change.
// Here the document as stored serves as the "before" until the updated one replaces its fields: the
// computed update never writes to it (it is built from a deep copy), the index checks and updates
// read it before that, and neither backend's `handleUpdate` reads the "before" it is given. A
// document counts as modified when it was stored changed. `$set` already leaves a field alone when
// its value is equal (normalized), so the counts are those shipped. It keeps no running data size,
// so it serves only collections whose `tracksDataSize()` is false (both backends here). Everything
// else is the stock code, its private parts reached through method handles looked up when the
// class loads: a release that renames one fails at the server's start, not with a wrong answer.
// The updated document is computed on a copy that owns only what the update's paths reach: a shallow
// copy of the document, and of each document or array along each path, down to the value the path
// names (see `ownPaths`). The operators change nothing else: `$set`, `$unset`, `$inc` and their kind
// replace or remove a value in its parent, `$push` builds a new array, and `$pull`, `$pop` and
// `$addToSet` change the array the path names. The rest is shared with the stored document, which no
// update ever changes below its top level. A path the copy cannot follow by itself (a positional `$`,
// `$[]` or `$[id]`, a name into an array, a set) gets a deep copy of its top-level field, as shipped.
// src/update-counts.integration-test.ts checks the answers on both backends. Compiled once into
// .cache/jars/classes by jars.ts.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;

@SuppressWarnings({"rawtypes", "unchecked"})
final class LeanUpdates {

    private static final MethodHandle QUERY_DOCUMENTS;
    private static final MethodHandle CALCULATE_UPDATE_DOCUMENT;
    private static final MethodHandle VALIDATE_UPDATE_QUERY;
    private static final MethodHandle MODIFY_FIELD;
    private static final MethodHandle SINGLE_POSITION;
    private static final MethodHandle HANDLE_UPDATE;
    private static final MethodHandle HANDLE_UPSERT;
    private static final MethodHandle MATCHER;
    private static final MethodHandle INDEXES;
    private static final MethodHandle ID_FIELD;

    static {
        Class<?> c = AbstractMongoCollection.class;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
            QUERY_DOCUMENTS = lookup.findVirtual(c, "queryDocuments", MethodType.methodType(QueryResult.class,
                    Document.class, Document.class, int.class, int.class, int.class, Document.class));
            CALCULATE_UPDATE_DOCUMENT = lookup.findVirtual(c, "calculateUpdateDocument", MethodType.methodType(
                    Document.class, Document.class, Document.class, ArrayFilters.class, Integer.class, boolean.class));
            VALIDATE_UPDATE_QUERY = lookup.findStatic(c, "validateUpdateQuery",
                    MethodType.methodType(void.class, Document.class));
            MODIFY_FIELD = lookup.findVirtual(c, "modifyField", MethodType.methodType(void.class, Document.class,
                    String.class, Document.class, ArrayFilters.class, Integer.class, boolean.class));
            SINGLE_POSITION = lookup.findVirtual(c, "getSinglePosition",
                    MethodType.methodType(Object.class, Document.class));
            HANDLE_UPDATE = lookup.findVirtual(c, "handleUpdate",
                    MethodType.methodType(void.class, Object.class, Document.class, Document.class));
            HANDLE_UPSERT = lookup.findVirtual(c, "handleUpsert", MethodType.methodType(Document.class,
                    Document.class, Document.class, ArrayFilters.class));
            MATCHER = lookup.findGetter(c, "matcher", QueryMatcher.class);
            INDEXES = lookup.findGetter(c, "indexes", List.class);
            ID_FIELD = lookup.findVirtual(c, "getIdField", MethodType.methodType(String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AbstractMongoCollection collection;

    LeanUpdates(AbstractMongoCollection<?> collection) {
        this.collection = collection;
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
                if (updateDocument(document, updateQuery, arrayFilters, matchPos)) {
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

    /** The stock `updateDocument` with `document` as the "before" (see above); true if it changed. */
    private boolean updateDocument(Document document, Document updateQuery, ArrayFilters arrayFilters,
                                   Integer matchPos) throws Throwable {
        Document newDocument = calculateUpdateDocument(document, updateQuery, arrayFilters, matchPos);
        if (newDocument.equals(document)) {
            return false;
        }
        List<Index> indexes = (List<Index>) INDEXES.invoke(collection);
        for (Index index : indexes) {
            index.checkUpdate(document, newDocument, (MongoCollection) collection);
        }
        Object position = SINGLE_POSITION.invoke(collection, document);
        for (Index index : indexes) {
            index.updateInPlace(document, newDocument, position, (MongoCollection) collection);
        }
        document.keySet().retainAll(newDocument.keySet());
        for (String key : newDocument.keySet()) {
            if (key.contains(".")) {
                throw new MongoServerException("illegal field name. must not happen as it must be caught by the driver");
            }
            document.put(key, newDocument.get(key));
        }
        HANDLE_UPDATE.invoke(collection, position, document, document);
        return true;
    }

    /**
     * The stock `calculateUpdateDocument` (not an upsert) on a copy owning only what the update's
     * paths reach, instead of a deep copy; a replacement document goes the stock way.
     */
    private Document calculateUpdateDocument(Document document, Document updateQuery, ArrayFilters arrayFilters,
                                             Integer matchPos) throws Throwable {
        if (updateQuery.isEmpty() || !updateQuery.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return (Document) CALCULATE_UPDATE_DOCUMENT.invoke(collection, document, updateQuery, arrayFilters,
                    matchPos, false);
        }
        VALIDATE_UPDATE_QUERY.invoke(updateQuery);
        String idField = (String) ID_FIELD.invoke(collection);
        Document newDocument = new Document();
        if (idField != null) {
            newDocument.put(idField, document.get(idField));
        }
        newDocument.putAll(document);
        ownPaths(newDocument, document, updateQuery);
        for (String operator : updateQuery.keySet()) {
            MODIFY_FIELD.invoke(collection, newDocument, operator, updateQuery, arrayFilters, matchPos, false);
        }
        Utils.validateFieldNames(newDocument);
        return newDocument;
    }

    /** Makes `copy` (a shallow copy of `stored`) own every document and array each update path reaches. */
    private static void ownPaths(Document copy, Document stored, Document updateQuery) {
        for (Map.Entry<String, Object> operator : updateQuery.entrySet()) {
            if (!(operator.getValue() instanceof Document change)) {
                continue; // refused by the operator itself
            }
            for (Map.Entry<String, Object> field : change.entrySet()) {
                ownPath(copy, stored, field.getKey());
                if (operator.getKey().equals("$rename") && field.getValue() instanceof String to) {
                    ownPath(copy, stored, to);
                }
            }
        }
    }

    private static void ownPath(Document copy, Document stored, String path) {
        String[] parts = path.split("\\.");
        Object container = copy;
        for (String part : parts) {
            boolean intoDocument = container instanceof Document && !part.startsWith("$");
            boolean intoList = container instanceof List<?> && isIndex(part);
            Object child = intoDocument ? ((Document) container).get(part)
                    : intoList ? elementAt((List<?>) container, Integer.parseInt(part)) : null;
            if (!(intoDocument || intoList) || (child instanceof Collection<?> && !(child instanceof List<?>))) {
                ownDeeply(copy, stored, parts[0]); // not followed here: the whole field, copied as shipped
                return;
            }
            Object owned = child instanceof Document document ? document.clone()
                    : child instanceof List<?> list ? new ArrayList<>(list) : null;
            if (owned == null) {
                return; // a value, or nothing: its parent, owned already, is what changes
            }
            if (intoDocument) {
                ((Document) container).put(part, owned);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) container;
                list.set(Integer.parseInt(part), owned);
            }
            container = owned;
        }
    }

    private static Object elementAt(List<?> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static void ownDeeply(Document copy, Document stored, String field) {
        if (stored.containsKey(field)) {
            copy.put(field, new Document(field, stored.get(field)).cloneDeeply().get(field));
        }
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit);
    }
}
