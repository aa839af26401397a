package io.nimbusmq.remoting.protocol;

/**
 * The sender's implementation language, carried in every command header.
 *
 * <p>The JSON header carries the constant's name ({@code "JAVA"}); the binary ROCKETMQ header carries
 * {@link #code()} as one unsigned byte. Codes follow RocketMQ 5.3.1's {@code LanguageCode}.
 */
public enum LanguageCode {
    JAVA(0),
    CPP(1),
    DOTNET(2),
    PYTHON(3),
    DELPHI(4),
    ERLANG(5),
    RUBY(6),
    OTHER(7),
    HTTP(8),
    GO(9),
    PHP(10),
    OMS(11),
    RUST(12),
    NODE_JS(13);

    private static final LanguageCode[] BY_CODE = buildIndex();

    private final int code;

    LanguageCode(int code) {
        this.code = code;
    }

    /** The wire code, written as one byte in the ROCKETMQ header. */
    public int code() {
        return code;
    }

    /**
     * Looks a language up by wire code.
     *
     * @return the language, or {@link #OTHER} for a code this version does not know
     */
    public static LanguageCode fromCode(int code) {
        if (code >= 0 && code < BY_CODE.length && BY_CODE[code] != null) {
            return BY_CODE[code];
        }
        return OTHER;
    }

    /**
     * Looks a language up by name, as written in JSON headers.
     *
     * @return the language, or {@link #OTHER} for a name this version does not know
     */
    public static LanguageCode fromName(String name) {
        for (LanguageCode language : values()) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return OTHER;
    }

    private static LanguageCode[] buildIndex() {
        LanguageCode[] index = new LanguageCode[values().length];
        for (LanguageCode language : values()) {
            index[language.code] = language;
        }
        return index;
    }
}
