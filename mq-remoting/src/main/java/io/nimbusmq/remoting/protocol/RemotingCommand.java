package io.nimbusmq.remoting.protocol;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One remoting command: a request, a response, or a oneway request (remoting-protocol.md §1).
 *
 * <p>Header fields:
 * <ul>
 *   <li>{@code code}: the request code ({@link RequestCode}) or, in a response, the result ({@link ResponseCode});</li>
 *   <li>{@code language}, {@code version}: who sent it; our commands carry {@link LanguageCode#JAVA} and
 *       {@link RemotingVersion#CURRENT};</li>
 *   <li>{@code opaque}: the request id a response echoes; requests we create draw it from a per-process counter;</li>
 *   <li>{@code flag}: bit 0 response, bit 1 oneway;</li>
 *   <li>{@code remark}: error text, or the store status name in pull responses;</li>
 *   <li>{@code extFields}: the custom header, a string map; read it with the typed accessors such as
 *       {@link #requiredLong(String)}, which throw {@link HeaderFieldException}s the dispatcher turns into error
 *       answers.</li>
 * </ul>
 * The {@code body} is raw bytes after the header, {@code null} when empty. {@link #serializeType()} is how the header
 * was (or will be) serialized.
 *
 * <p>Not thread-safe: a command belongs to one thread at a time (handed over through an executor or a channel).
 */
public final class RemotingCommand {

    /** Flag bit 0: this command is a response. */
    public static final int RESPONSE_FLAG = 1;
    /** Flag bit 1: this request expects no response. */
    public static final int ONEWAY_FLAG = 1 << 1;

    private static final AtomicInteger NEXT_OPAQUE = new AtomicInteger();
    /** Masked in {@link #toString()}; see {@code io.nimbusmq.remoting.acl.SessionCredentials#SECURITY_TOKEN}. */
    private static final String SECURITY_TOKEN_FIELD = "SecurityToken";

    /**
     * A table of 32 holds 24 fields without a resize: a send request has about 14, so the default 16 would grow once
     * per message.
     */
    private static final int EXT_FIELDS_CAPACITY = 32;
    /**
     * A response's: a table of 8 holds 6 fields, as many as a send response has (a third of the bytes of 32); the
     * odd response with more grows once.
     */
    private static final int RESPONSE_EXT_FIELDS_CAPACITY = 8;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = RemotingVersion.CURRENT;
    private int opaque;
    private int flag;
    private String remark;
    private HashMap<String, String> extFields;
    private byte[] body;
    private SerializeType serializeType = SerializeType.JSON;

    /** An empty command (code 0, opaque 0, JAVA, current version, JSON); mostly for decoders and tests. */
    public RemotingCommand() {
    }

    /** A new request with the next opaque of this process. */
    public static RemotingCommand createRequest(int code) {
        RemotingCommand request = new RemotingCommand();
        request.code = code;
        request.opaque = nextOpaque();
        return request;
    }

    /** A new request with the next opaque of this process, carrying {@code header}. */
    public static RemotingCommand createRequest(int code, CommandHeader header) {
        return createRequest(code).writeHeader(header);
    }

    /** A new oneway request (flag bit 1) with the next opaque of this process. */
    public static RemotingCommand createOnewayRequest(int code) {
        return createRequest(code).markOneway();
    }

    /** A new oneway request (flag bit 1) with the next opaque of this process, carrying {@code header}. */
    public static RemotingCommand createOnewayRequest(int code, CommandHeader header) {
        return createOnewayRequest(code).writeHeader(header);
    }

    /**
     * A response to {@code request}: same opaque, flag bit 0 set, our language and version, JSON header.
     *
     * @param remark error text, or {@code null}
     */
    public static RemotingCommand createResponse(RemotingCommand request, int code, String remark) {
        RemotingCommand response = new RemotingCommand();
        response.code = code;
        response.remark = remark;
        response.opaque = request.opaque;
        response.markResponse();
        return response;
    }

    /** The next value of this process's opaque counter (starts at 0, wraps around). */
    public static int nextOpaque() {
        return NEXT_OPAQUE.getAndIncrement();
    }

    public int code() {
        return code;
    }

    public RemotingCommand setCode(int code) {
        this.code = code;
        return this;
    }

    public LanguageCode language() {
        return language;
    }

    public RemotingCommand setLanguage(LanguageCode language) {
        this.language = language == null ? LanguageCode.JAVA : language;
        return this;
    }

    public int version() {
        return version;
    }

    public RemotingCommand setVersion(int version) {
        this.version = version;
        return this;
    }

    public int opaque() {
        return opaque;
    }

    public RemotingCommand setOpaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    public int flag() {
        return flag;
    }

    public RemotingCommand setFlag(int flag) {
        this.flag = flag;
        return this;
    }

    public String remark() {
        return remark;
    }

    public RemotingCommand setRemark(String remark) {
        this.remark = remark;
        return this;
    }

    /** The body, or {@code null} when there is none. */
    public byte[] body() {
        return body;
    }

    public RemotingCommand setBody(byte[] body) {
        this.body = body;
        return this;
    }

    /** The body length in bytes, 0 when there is no body. */
    public int bodyLengthBytes() {
        return body == null ? 0 : body.length;
    }

    public SerializeType serializeType() {
        return serializeType;
    }

    /** Chooses how this command's header is serialized when it is sent. */
    public RemotingCommand setSerializeType(SerializeType serializeType) {
        this.serializeType = serializeType == null ? SerializeType.JSON : serializeType;
        return this;
    }

    public boolean isResponse() {
        return (flag & RESPONSE_FLAG) != 0;
    }

    public boolean isOneway() {
        return (flag & ONEWAY_FLAG) != 0;
    }

    public RemotingCommand markResponse() {
        flag |= RESPONSE_FLAG;
        return this;
    }

    public RemotingCommand markOneway() {
        flag |= ONEWAY_FLAG;
        return this;
    }

    /** A read-only view of the custom header; empty, never {@code null}, when there is none. */
    public Map<String, String> extFields() {
        return extFields == null ? Collections.emptyMap() : Collections.unmodifiableMap(extFields);
    }

    /** Writes {@code header}'s fields into the ext fields, next to any already there. */
    public RemotingCommand writeHeader(CommandHeader header) {
        header.writeTo(this);
        return this;
    }

    /** Replaces the custom header with a copy of {@code fields}; entries with a null key or value are skipped. */
    public RemotingCommand setExtFields(Map<String, String> fields) {
        extFields = null;
        if (fields != null) {
            fields.forEach(this::putExtField);
        }
        return this;
    }

    /**
     * Puts {@code String.valueOf(value)} under {@code name}, as the official header encoder does: booleans become
     * {@code "true"}/{@code "false"}, enums their name. A {@code null} value is skipped.
     */
    public RemotingCommand putExtField(String name, Object value) {
        if (name == null || value == null) {
            return this;
        }
        if (extFields == null) {
            extFields = new HashMap<>(isResponse() ? RESPONSE_EXT_FIELDS_CAPACITY : EXT_FIELDS_CAPACITY);
        }
        extFields.put(name, String.valueOf(value));
        return this;
    }

    public RemotingCommand removeExtField(String name) {
        if (extFields != null) {
            extFields.remove(name);
        }
        return this;
    }

    /** The raw ext value, or {@code null} when absent. */
    public String optionalString(String name) {
        return extFields == null ? null : extFields.get(name);
    }

    /** The raw ext value, or {@code defaultValue} when absent. */
    public String optionalString(String name, String defaultValue) {
        String value = optionalString(name);
        return value == null ? defaultValue : value;
    }

    /** @throws MissingHeaderFieldException when the field is absent */
    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new MissingHeaderFieldException(code, name);
        }
        return value;
    }

    /**
     * @throws MissingHeaderFieldException when the field is absent
     * @throws InvalidHeaderFieldException when it is not a decimal int
     */
    public int requiredInt(String name) {
        return parseInt(name, requiredString(name));
    }

    /** @throws InvalidHeaderFieldException when present but not a decimal int */
    public int optionalInt(String name, int defaultValue) {
        String value = optionalString(name);
        return value == null ? defaultValue : parseInt(name, value);
    }

    /**
     * @throws MissingHeaderFieldException when the field is absent
     * @throws InvalidHeaderFieldException when it is not a decimal long
     */
    public long requiredLong(String name) {
        return parseLong(name, requiredString(name));
    }

    /** @throws InvalidHeaderFieldException when present but not a decimal long */
    public long optionalLong(String name, long defaultValue) {
        String value = optionalString(name);
        return value == null ? defaultValue : parseLong(name, value);
    }

    /**
     * Booleans parse as the official decoder does ({@link Boolean#parseBoolean}): {@code "true"} in any case is
     * true, anything else false.
     *
     * @throws MissingHeaderFieldException when the field is absent
     */
    public boolean requiredBoolean(String name) {
        return Boolean.parseBoolean(requiredString(name));
    }

    /** Like {@link #requiredBoolean(String)}, with {@code defaultValue} when absent. */
    public boolean optionalBoolean(String name, boolean defaultValue) {
        String value = optionalString(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    private int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidHeaderFieldException(code, name, value, "int", e);
        }
    }

    private long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidHeaderFieldException(code, name, value, "long", e);
        }
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", language=" + language + ", version=" + version
                + ", opaque=" + opaque + ", flag=" + flag + ", remark=" + remark + ", extFields=" + loggableExtFields()
                + ", bodyLengthBytes=" + bodyLengthBytes() + ", serializeType=" + serializeType + "]";
    }

    /** The ext fields with the ACL security token (a credential) masked. */
    private Map<String, String> loggableExtFields() {
        if (extFields == null || !extFields.containsKey(SECURITY_TOKEN_FIELD)) {
            return extFields;
        }
        Map<String, String> copy = new HashMap<>(extFields);
        copy.put(SECURITY_TOKEN_FIELD, "******");
        return copy;
    }
}
