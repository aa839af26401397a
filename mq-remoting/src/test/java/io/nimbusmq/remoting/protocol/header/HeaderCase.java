package io.nimbusmq.remoting.protocol.header;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.annotation.CFNotNull;

/**
 * One header type on one request code, for {@link CommandHeaderContractTests}.
 *
 * @param code the request code the header travels with (it decides the field names of the send header)
 * @param full a header with every field set to a value other than its default
 * @param minimal what {@link #reader} makes of a command that carries only the required fields of {@link #full}
 * @param official RocketMQ 5.3.1's header class for this code, or {@code null} for Nimbus MQ's own requests
 * @param outsideOfficialHeader keys that RocketMQ writes and reads as loose ext fields, not as header fields
 * @param ownRequired the required keys of a header with no official class
 */
record HeaderCase(String name, int code, CommandHeader full, CommandHeader minimal,
        Function<RemotingCommand, ? extends CommandHeader> reader, Class<? extends CommandCustomHeader> official,
        Set<String> outsideOfficialHeader, Set<String> ownRequired) {

    static HeaderCase of(String name, int code, CommandHeader full, CommandHeader minimal,
            Function<RemotingCommand, ? extends CommandHeader> reader, Class<? extends CommandCustomHeader> official,
            String... outsideOfficialHeader) {
        return new HeaderCase(name, code, full, minimal, reader, official, Set.of(outsideOfficialHeader), Set.of());
    }

    static HeaderCase own(String name, int code, CommandHeader full, CommandHeader minimal,
            Function<RemotingCommand, ? extends CommandHeader> reader, String... required) {
        return new HeaderCase(name, code, full, minimal, reader, null, Set.of(), Set.of(required));
    }

    /** The ext fields {@link #full} writes. */
    Map<String, String> fullFields() {
        return fieldsOf(full);
    }

    Map<String, String> fieldsOf(CommandHeader header) {
        return new LinkedHashMap<>(new RemotingCommand().setCode(code).writeHeader(header).extFields());
    }

    /** The keys RocketMQ requires ({@code @CFNotNull} in its header class), or {@link #ownRequired}. */
    Set<String> requiredKeys() {
        if (official == null) {
            return ownRequired;
        }
        Set<String> required = new LinkedHashSet<>();
        for (Class<?> type = official; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(CFNotNull.class)) {
                    required.add(field.getName());
                }
            }
        }
        return required;
    }

    /** A command of {@link #code} carrying exactly {@code fields}. */
    RemotingCommand commandWith(Map<String, String> fields) {
        return new RemotingCommand().setCode(code).setExtFields(fields);
    }

    @Override
    public String toString() {
        return name;
    }
}
