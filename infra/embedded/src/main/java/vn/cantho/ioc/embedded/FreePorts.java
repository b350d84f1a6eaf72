package vn.cantho.ioc.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds TCP ports on the loopback interface that are free right now, for servers configured with port 0
 * whose real port must be known before they start (Kafka writes it into its config, HiveMQ into config.xml).
 *
 * <p>A port found here can still be taken by another process before the server binds it; the window is
 * short and the servers then fail to start with a clear "address in use" error.
 */
public final class FreePorts {

    private FreePorts() {}

    /** Returns a port that is free on 127.0.0.1 at the time of the call. */
    public static int pick() {
        return pick(1)[0];
    }

    /**
     * Returns {@code count} distinct ports that are free on 127.0.0.1 at the time of the call.
     * All sockets are held open until every port is chosen, so the ports cannot repeat.
     */
    public static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port is probed, not used: a failed close changes nothing for the caller.
                }
            }
        }
    }

    /** Returns {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        return port == 0 ? pick() : port;
    }
}
