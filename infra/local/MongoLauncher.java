// Starts mongo-java-server (in-memory backend, data lost on stop) on 127.0.0.1:<port>; its own
// main() only binds localhost:27017. Compiled once into .cache/jars/classes by local-infra.ts.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

public class MongoLauncher {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.enableOplog(); // lets clients open change streams
        server.bind("127.0.0.1", port);
        // SIGTERM and System.exit run shutdown hooks: close the sockets before the JVM goes away
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port);
    }
}
