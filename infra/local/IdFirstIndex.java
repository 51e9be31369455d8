// The `_id` index of mongo-java-server, made to answer every filter that pins `_id`, as MongoDB's
// planner does. As shipped, an index serves a query only when the query names exactly its keys, so
// `{ _id, version }` (a compare-and-set) or `{ _id, version: { $lt } }` (an upsert if newer) scanned
// the whole collection: its cost grew with every document ever stored, not with the one written.
// Here a filter with an `_id` condition the index can answer takes the index's candidates for that
// condition, and the server's matcher still applies the whole filter to each of them, so the result
// is the same document set; only the scan is gone. Compiled once into .cache/jars/classes by jars.ts.
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

public final class IdFirstIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Index<P> index;

    /** `index` itself unless it is the single-key `_id` index, which is wrapped. */
    public static <P> Index<P> around(Index<P> index, List<IndexKey> keys, boolean sparse) {
        boolean onId = keys.size() == 1 && keys.get(0).getKey().equals(ID);
        return onId ? new IdFirstIndex<>(index, keys, sparse) : index;
    }

    private IdFirstIndex(Index<P> index, List<IndexKey> keys, boolean sparse) {
        super(index.getName(), keys, sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || (query.containsKey(ID) && index.canHandle(idPart(query)));
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.getPositions(idPart(query));
    }

    private static Document idPart(Document query) {
        return new Document(ID, query.get(ID));
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
