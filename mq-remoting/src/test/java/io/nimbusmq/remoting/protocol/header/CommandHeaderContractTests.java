package io.nimbusmq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.SerializeType;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every header type, on every code it travels with ({@link HeaderCases}): it reads back what it
 * writes; a missing required field (RocketMQ's {@code @CFNotNull}) is refused naming the field, and a missing optional
 * one is not; and it speaks RocketMQ 5.3.1's wire both ways, in both header serializations: the official decoder reads
 * every field we write into RocketMQ's header class with the same value, and we read back what the official encoder
 * writes from that class.
 */
class CommandHeaderContractTests {

    static Stream<HeaderCase> cases() {
        return HeaderCases.all().stream();
    }

    static Stream<Arguments> casesAndTypes() {
        return cases().flatMap(c -> Stream.of(SerializeType.values()).map(type -> Arguments.of(c, type)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void readsBackWhatItWritesThroughTheCodec(HeaderCase header, SerializeType type) {
        RemotingCommand command = new RemotingCommand().setCode(header.code()).setSerializeType(type)
                .writeHeader(header.full());

        RemotingCommand decoded = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(command));

        assertThat(header.reader().apply(decoded)).isEqualTo(header.full());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingRequiredFieldIsRefusedByName(HeaderCase header) {
        Map<String, String> fields = header.fullFields();
        assertThat(fields.keySet()).as("the full header writes every required field")
                .containsAll(header.requiredKeys());
        for (String required : header.requiredKeys()) {
            Map<String, String> without = new LinkedHashMap<>(fields);
            without.remove(required);

            HeaderFieldException refused = catchThrowableOfType(
                    () -> header.reader().apply(header.commandWith(without)), HeaderFieldException.class);

            assertThat(refused).as("reading without %s", required).isNotNull();
            assertThat(refused.fieldName()).isEqualTo(required);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optionalFieldsMayBeAbsentAndTakeTheirDefaults(HeaderCase header) {
        Map<String, String> fields = header.fullFields();
        Set<String> optional = fields.keySet().stream().filter(key -> !header.requiredKeys().contains(key))
                .collect(Collectors.toSet());
        for (String key : optional) {
            Map<String, String> without = new LinkedHashMap<>(fields);
            without.remove(key);
            assertThatCode(() -> header.reader().apply(header.commandWith(without))).as("reading without %s", key)
                    .doesNotThrowAnyException();
        }
        Map<String, String> requiredOnly = new LinkedHashMap<>(fields);
        requiredOnly.keySet().retainAll(header.requiredKeys());

        assertThat(header.reader().apply(header.commandWith(requiredOnly))).isEqualTo(header.minimal());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void theOfficialDecoderReadsWhatWeWrite(HeaderCase header, SerializeType type) throws Exception {
        RemotingCommand ours = new RemotingCommand().setCode(header.code()).setSerializeType(type)
                .writeHeader(header.full());
        byte[] frame = RemotingCommandCodec.encodeToBytes(ours);

        org.apache.rocketmq.remoting.protocol.RemotingCommand theirs = org.apache.rocketmq.remoting.protocol
                .RemotingCommand.decode(ByteBuffer.wrap(frame, 4, frame.length - 4).slice());

        Map<String, String> asTheyReadIt = new HashMap<>(theirs.getExtFields());
        if (header.official() != null) {
            CommandCustomHeader decoded = theirs.decodeCommandCustomHeader(header.official());
            asTheyReadIt = fieldsOf(decoded, header.code());
            for (String loose : header.outsideOfficialHeader()) {
                asTheyReadIt.put(loose, theirs.getExtFields().get(loose));
            }
        }
        assertThat(asTheyReadIt).containsAllEntriesOf(header.fullFields());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void weReadWhatTheOfficialEncoderWrites(HeaderCase header, SerializeType type) throws Exception {
        for (CommandHeader expected : new CommandHeader[] {header.full(), header.minimal()}) {
            byte[] frame = officialFrame(header, header.fieldsOf(expected), type);

            RemotingCommand ours = RemotingCommandCodec.decodeFrame(frame);

            assertThat(ours.serializeType()).isEqualTo(type);
            assertThat(header.reader().apply(ours)).isEqualTo(expected);
        }
    }

    @Test
    void everyHeaderTypeHasACase() {
        Set<String> covered = cases().map(c -> c.full().getClass().getName()).collect(Collectors.toSet());
        Set<String> headers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(getClass().getPackageName()).stream()
                .filter(type -> type.isAssignableTo(CommandHeader.class) && !type.isInterface())
                .map(JavaClass::getName).collect(Collectors.toSet());

        assertThat(headers).isNotEmpty();
        assertThat(covered).containsAll(headers);
    }

    /** The header as RocketMQ's encoder renders it: its fields by reflection, nulls left out. */
    private static Map<String, String> fieldsOf(CommandCustomHeader header, int code) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand command =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, header);
        command.makeCustomHeaderToNet();
        return new HashMap<>(command.getExtFields());
    }

    /**
     * The frame RocketMQ writes for {@code fields}: decoded into its header class (so that only what the class holds
     * survives), then encoded by its own {@code fastEncodeHeader}, the path its Netty encoder takes.
     */
    private static byte[] officialFrame(HeaderCase header, Map<String, String> fields, SerializeType type)
            throws Exception {
        org.apache.rocketmq.remoting.protocol.RemotingCommand command;
        if (header.official() == null) {
            command = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(header.code(), null);
        } else {
            org.apache.rocketmq.remoting.protocol.RemotingCommand carrier =
                    org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(header.code(), null);
            carrier.setExtFields(new HashMap<>(fields));
            command = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(header.code(),
                    carrier.decodeCommandCustomHeader(header.official()));
        }
        fields.forEach((key, value) -> {
            if (header.official() == null || header.outsideOfficialHeader().contains(key)) {
                command.addExtField(key, value);
            }
        });
        command.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(type.name()));
        ByteBuf out = Unpooled.buffer();
        command.fastEncodeHeader(out);
        return ByteBufUtil.getBytes(out);
    }
}
