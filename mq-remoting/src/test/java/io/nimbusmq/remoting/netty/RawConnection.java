package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** A plain blocking socket that speaks raw bytes to a server, to send what no well-behaved client would. */
final class RawConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(InetSocketAddress address) throws IOException {
        this(address, null);
    }

    /** Connects from {@code localHost} (any 127.x.y.z on Linux), to look like a peer of its own. */
    RawConnection(InetSocketAddress address, String localHost) throws IOException {
        socket = new Socket();
        if (localHost != null) {
            socket.bind(new InetSocketAddress(localHost, 0));
        }
        socket.connect(address, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(RemotingCommand command) throws IOException {
        send(RemotingCommandCodec.encodeToBytes(command));
    }

    /** Half-closes: the server reads end-of-stream. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads the next frame and decodes it; fails the test if none arrives in time. */
    RemotingCommand readCommand() throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame));
    }

    /** Asserts that the server closes this connection: end-of-stream (or a reset) before the read timeout. */
    void assertClosedByServer() throws IOException {
        try {
            while (in.read() != -1) {
                // discard whatever was in flight
            }
        } catch (SocketTimeoutException e) {
            fail("server did not close the connection within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (SocketException e) {
            // connection reset: closed as well
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
