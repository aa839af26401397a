package io.nimbusmq.remoting.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary ROCKETMQ header (serialize type 1), big-endian:
 * <pre>
 * | code i16 | language u8 | version i16 | opaque i32 | flag i32 |
 * | remarkLen i32 | remark UTF-8 |
 * | extLen i32 | extLen bytes of entries: keyLen u16 | key UTF-8 | valLen i32 | value UTF-8 |
 * </pre>
 * A zero-length string decodes as {@code null}; ext entries whose key or value is null are dropped (the official
 * header decoder sees them as absent). A duplicated key's last value wins. Codes and versions outside the 16-bit
 * range cannot be written and are refused, instead of being truncated as the official encoder does.
 */
final class BinaryHeaderCodec {

    /** code + language + version + opaque + flag + remarkLen. */
    private static final int FIXED_PART_BYTES = 2 + 1 + 2 + 4 + 4 + 4;

    private BinaryHeaderCodec() {
    }

    /** Appends the binary header of {@code command} to {@code out}. */
    static void write(RemotingCommand command, ByteBuf out) {
        out.writeShort(checkShort(command.code(), "code"));
        out.writeByte(command.language().code());
        out.writeShort(checkShort(command.version(), "version"));
        out.writeInt(command.opaque());
        out.writeInt(command.flag());
        writeString(out, command.remark());
        int extLengthIndex = out.writerIndex();
        out.writeInt(0);
        for (Map.Entry<String, String> field : new TreeMap<>(command.extFields()).entrySet()) {
            int keyLengthIndex = out.writerIndex();
            out.writeShort(0);
            int keyLength = out.writeCharSequence(field.getKey(), StandardCharsets.UTF_8);
            if (keyLength > 0xFFFF) {
                throw new RemotingProtocolException("ext key longer than 65535 bytes cannot be written in the "
                        + "ROCKETMQ header: " + field.getKey().substring(0, 64) + "...");
            }
            out.setShort(keyLengthIndex, keyLength);
            writeString(out, field.getValue());
        }
        out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - 4);
    }

    private static int checkShort(int value, String name) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new RemotingProtocolException(name + " " + value + " cannot be expressed in the 16-bit field of "
                    + "the ROCKETMQ header; send this command with a JSON header");
        }
        return value;
    }

    private static void writeString(ByteBuf out, String value) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (value != null) {
            out.setInt(lengthIndex, out.writeCharSequence(value, StandardCharsets.UTF_8));
        }
    }

    /** Reads a whole binary header: all readable bytes of {@code header}. */
    static RemotingCommand read(ByteBuf header) {
        require(header, FIXED_PART_BYTES, "fixed fields");
        RemotingCommand command = new RemotingCommand();
        command.setCode(header.readShort());
        command.setLanguage(LanguageCode.fromCode(header.readUnsignedByte()));
        command.setVersion(header.readShort());
        command.setOpaque(header.readInt());
        command.setFlag(header.readInt());
        command.setRemark(readString(header, header.readInt(), "remark"));
        require(header, 4, "ext length");
        int extLength = header.readInt();
        if (extLength < 0 || extLength > header.readableBytes()) {
            throw truncated("ext fields of " + extLength + " bytes", header.readableBytes());
        }
        ByteBuf ext = header.readSlice(extLength);
        while (ext.isReadable()) {
            require(ext, 2, "ext key length");
            String key = readString(ext, ext.readUnsignedShort(), "ext key");
            require(ext, 4, "ext value length");
            String value = readString(ext, ext.readInt(), "ext value");
            command.putExtField(key, value);
        }
        header.skipBytes(header.readableBytes());
        return command;
    }

    private static String readString(ByteBuf in, int lengthBytes, String what) {
        if (lengthBytes < 0 || lengthBytes > in.readableBytes()) {
            throw truncated(what + " of " + lengthBytes + " bytes", in.readableBytes());
        }
        if (lengthBytes == 0) {
            return null;
        }
        return in.readCharSequence(lengthBytes, StandardCharsets.UTF_8).toString();
    }

    private static void require(ByteBuf in, int bytes, String what) {
        if (in.readableBytes() < bytes) {
            throw truncated(what + " (" + bytes + " bytes)", in.readableBytes());
        }
    }

    private static RemotingProtocolException truncated(String what, int bytesLeft) {
        return new RemotingProtocolException("truncated ROCKETMQ header: " + what + " expected, but only "
                + bytesLeft + " bytes left");
    }
}
