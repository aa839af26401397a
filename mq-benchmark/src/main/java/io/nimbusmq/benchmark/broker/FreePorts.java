package io.nimbusmq.benchmark.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports nobody listens on right now (other processes on the machine may take them later; rare). */
final class FreePorts {

    private FreePorts() {
    }

    static int any() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * A port {@code p} with {@code p - 2} (Apache's fast remoting port) and {@code p + 1} (its HA port) free too.
     */
    static int withApacheNeighbours() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = any();
            if (port > 1026 && port < 65534 && free(port - 2) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port p with p-2 and p+1 free after 100 attempts");
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
