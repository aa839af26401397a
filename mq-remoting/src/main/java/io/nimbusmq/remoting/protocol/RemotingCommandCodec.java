package io.nimbusmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Turns {@link RemotingCommand}s into frames and back (remoting-protocol.md §1.1):
 * <pre>
 * | length i32 = 4 + headerLength + bodyLength (does not count itself)             |
 * | serializeType u8 | headerLength u24 | header (JSON or ROCKETMQ) | body (raw) |
 * </pre>
 * The header form is the command's {@link RemotingCommand#serializeType()}; decoding accepts both and records the
 * form found. {@link #encodeHeader} writes everything but the body, so a caller can append stored message bytes as
 * a separate buffer or file region without copying them.
 *
 * <p>Stateless and thread-safe.
 */
public final class RemotingCommandCodec {

    /** Bytes of the length prefix. */
    public static final int LENGTH_FIELD_BYTES = 4;
    /** Bytes of the serialize-type and header-length word. */
    public static final int HEADER_LENGTH_FIELD_BYTES = 4;
    /** The largest header the 24-bit length can describe. */
    public static final int MAX_HEADER_LENGTH_BYTES = 0xFFFFFF;

    private RemotingCommandCodec() {
    }

    /** Appends the whole frame of {@code command}, body included, to {@code out}. */
    public static void encode(RemotingCommand command, ByteBuf out) {
        encodeHeader(command, command.bodyLengthBytes(), out);
        if (command.body() != null) {
            out.writeBytes(command.body());
        }
    }

    /** The whole frame of {@code command} as a byte array. */
    public static byte[] encodeToBytes(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            encode(command, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /**
     * Appends the length prefix, the type-and-length word and the header of {@code command}, announcing a body of
     * {@code bodyLengthBytes} that the caller writes next ({@link RemotingCommand#body()} is ignored).
     *
     * @throws RemotingProtocolException when the header cannot be expressed (a 16-bit field overflows in ROCKETMQ
     *     form, the header exceeds 16 MiB, or the frame exceeds 2 GiB); nothing is left in {@code out} then
     */
    public static void encodeHeader(RemotingCommand command, int bodyLengthBytes, ByteBuf out) {
        if (bodyLengthBytes < 0) {
            throw new IllegalArgumentException("bodyLengthBytes must not be negative: " + bodyLengthBytes);
        }
        int frameStart = out.writerIndex();
        try {
            out.writeInt(0);
            out.writeInt(0);
            int headerStart = out.writerIndex();
            SerializeType type = command.serializeType();
            if (type == SerializeType.ROCKETMQ) {
                BinaryHeaderCodec.write(command, out);
            } else {
                JsonHeaderCodec.write(command, out);
            }
            int headerLength = out.writerIndex() - headerStart;
            if (headerLength > MAX_HEADER_LENGTH_BYTES) {
                throw new RemotingProtocolException("header of " + headerLength + " bytes exceeds the 24-bit limit");
            }
            long length = (long) HEADER_LENGTH_FIELD_BYTES + headerLength + bodyLengthBytes;
            if (length > Integer.MAX_VALUE) {
                throw new RemotingProtocolException("frame of " + length + " bytes exceeds the 32-bit length field");
            }
            out.setInt(frameStart, (int) length);
            out.setInt(frameStart + LENGTH_FIELD_BYTES, (type.code() << 24) | headerLength);
        } catch (RuntimeException e) {
            out.writerIndex(frameStart);
            throw e;
        }
    }

    /**
     * Decodes one frame without its length prefix: all readable bytes of {@code frame}, which are consumed.
     *
     * @throws RemotingProtocolException when the frame is shorter than the type-and-length word, names an unknown
     *     serialize type, announces a header longer than the frame, or the header itself cannot be read
     */
    public static RemotingCommand decode(ByteBuf frame) {
        if (frame.readableBytes() < HEADER_LENGTH_FIELD_BYTES) {
            throw new RemotingProtocolException("frame of " + frame.readableBytes()
                    + " bytes is shorter than its 4-byte serialize-type and header-length field");
        }
        int typeAndLength = frame.readInt();
        int typeCode = typeAndLength >>> 24;
        int headerLength = typeAndLength & MAX_HEADER_LENGTH_BYTES;
        SerializeType type = SerializeType.fromCode(typeCode);
        if (type == null) {
            throw new RemotingProtocolException("unknown serialize type " + typeCode
                    + " (expected 0 for JSON or 1 for ROCKETMQ)");
        }
        if (headerLength > frame.readableBytes()) {
            throw new RemotingProtocolException("header length " + headerLength + " exceeds the "
                    + frame.readableBytes() + " bytes left in the frame");
        }
        ByteBuf header = frame.readSlice(headerLength);
        RemotingCommand command = type == SerializeType.JSON
                ? JsonHeaderCodec.read(header)
                : BinaryHeaderCodec.read(header);
        command.setSerializeType(type);
        if (frame.isReadable()) {
            byte[] body = new byte[frame.readableBytes()];
            frame.readBytes(body);
            command.setBody(body);
        }
        return command;
    }

    /**
     * Decodes one whole frame, length prefix included, checking that the prefix matches the array.
     *
     * @throws RemotingProtocolException as {@link #decode(ByteBuf)}, or when the prefix disagrees with the length
     */
    public static RemotingCommand decodeFrame(byte[] frameWithLengthPrefix) {
        ByteBuf in = Unpooled.wrappedBuffer(frameWithLengthPrefix);
        if (in.readableBytes() < LENGTH_FIELD_BYTES) {
            throw new RemotingProtocolException("frame of " + in.readableBytes() + " bytes has no length prefix");
        }
        int length = in.readInt();
        if (length != in.readableBytes()) {
            throw new RemotingProtocolException("length prefix " + length + " does not match the "
                    + in.readableBytes() + " bytes that follow it");
        }
        return decode(in);
    }
}
