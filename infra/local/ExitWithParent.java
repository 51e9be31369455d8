// Runs another main class (args: <main class> <its args...>) and exits the JVM, running its
// shutdown hooks, as soon as stdin reaches end-of-file or that main method throws. Node spawns
// the servers with a stdin pipe, so they stop even when Node dies without cleaning up (SIGKILL,
// a signal that npm does not forward, a crash).
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

public class ExitWithParent {
    public static void main(String[] args) throws ReflectiveOperationException {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                }
            } catch (java.io.IOException e) {
                // a broken stdin means the same: the parent is gone
            }
            System.exit(0);
        }, "exit-with-parent");
        watch.setDaemon(true);
        watch.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            // Without this, threads the main class had started (e.g. Netty's) keep the JVM alive.
            e.getCause().printStackTrace();
            System.exit(1);
        }
    }
}
