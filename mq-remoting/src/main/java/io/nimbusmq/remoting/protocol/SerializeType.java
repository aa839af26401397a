package io.nimbusmq.remoting.protocol;

/**
 * How a frame's header is serialized: the high byte of the frame's second 4-byte word.
 *
 * <p>The type is chosen per frame, so a peer must decode both. Our side writes {@link #JSON} unless a command asks
 * for {@link #ROCKETMQ}, as the official server does.
 */
public enum SerializeType {
    /** fastjson-compatible JSON header. */
    JSON(0),
    /** RocketMQ's compact binary header. */
    ROCKETMQ(1);

    private final int code;

    SerializeType(int code) {
        this.code = code;
    }

    /** The wire code, the high byte of the header-length word. */
    public int code() {
        return code;
    }

    /**
     * Looks a serialize type up by wire code.
     *
     * @return the type, or {@code null} when no type has this code
     */
    public static SerializeType fromCode(int code) {
        for (SerializeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
