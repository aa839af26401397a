package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The hand-written JSON header writer, checked byte for byte against the Jackson generator it replaced. */
class JsonHeaderWriterTests {

    private static final Random RANDOM = new Random(17);

    private static String written(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer();
        JsonHeaderCodec.write(command, out);
        return ByteBufUtil.hexDump(out);
    }

    /** The header as the Jackson generator that wrote it before wrote it. */
    private static String jackson(RemotingCommand command) {
        ByteBuf out = Unpooled.buffer();
        try (JsonGenerator json = new JsonFactory().createGenerator((OutputStream) new ByteBufOutputStream(out),
                JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("code", command.code());
            if (!command.extFields().isEmpty()) {
                json.writeObjectFieldStart("extFields");
                for (Map.Entry<String, String> field : new TreeMap<>(command.extFields()).entrySet()) {
                    json.writeStringField(field.getKey(), field.getValue());
                }
                json.writeEndObject();
            }
            json.writeNumberField("flag", command.flag());
            json.writeStringField("language", command.language().name());
            json.writeNumberField("opaque", command.opaque());
            if (command.remark() != null) {
                json.writeStringField("remark", command.remark());
            }
            json.writeStringField("serializeTypeCurrentRPC", SerializeType.JSON.name());
            json.writeNumberField("version", command.version());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBufUtil.hexDump(out);
    }

    @Test
    void writesASendRequestAsJacksonDid() {
        RemotingCommand command = new RemotingCommand().setCode(310).setOpaque(7).setFlag(0);
        command.putExtField("a", "producer-group");
        command.putExtField("b", "orders");
        command.putExtField("i", "KEYS\u0001k1 k2\u0002UNIQ_KEY\u00017F000001\u0002");
        command.putExtField("n", "broker-a");
        assertThat(written(command)).isEqualTo(jackson(command));
    }

    @Test
    void writesEveryAsciiCharacterAndTheExtremesOfIntsAsJacksonDid() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        for (int value : new int[] {0, 9, 10, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            RemotingCommand command = new RemotingCommand().setCode(value).setOpaque(-value).setFlag(value)
                    .setVersion(value).setRemark(ascii.toString());
            command.putExtField(ascii.toString(), ascii.toString());
            assertThat(written(command)).isEqualTo(jackson(command));
        }
    }

    @Test
    void writesNonAsciiTextAndSurrogatePairsAsJacksonDid() {
        RemotingCommand command = new RemotingCommand().setCode(1).setRemark("é ü ß € 中文 \uD83D\uDE00 \u07FF\u0800\uFFFF");
        command.putExtField("ключ", "значение \uD83D\uDE00");
        assertThat(written(command)).isEqualTo(jackson(command));
    }

    @Test
    void writesUnpairedSurrogatesAsJacksonDid() {
        RemotingCommand command = new RemotingCommand().setCode(1).setRemark("x\uD83Dy\uDE00");
        command.putExtField("\uDBFF", "\uDC00\uD800");
        assertThat(written(command)).isEqualTo(jackson(command));
    }

    @RepeatedTest(200)
    void writesRandomCommandsAsJacksonDid() {
        RemotingCommand command = new RemotingCommand().setCode(RANDOM.nextInt()).setOpaque(RANDOM.nextInt())
                .setFlag(RANDOM.nextInt(4)).setVersion(RANDOM.nextInt(1000));
        if (RANDOM.nextBoolean()) {
            command.setRemark(randomText());
        }
        for (int i = RANDOM.nextInt(16); i > 0; i--) {
            command.putExtField(randomText(), randomText());
        }
        assertThat(written(command)).isEqualTo(jackson(command));
    }

    private static String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = RANDOM.nextInt(12); i > 0; i--) {
            int kind = RANDOM.nextInt(6);
            text.append(switch (kind) {
                case 0 -> (char) RANDOM.nextInt(0x80);
                case 1 -> (char) (0x80 + RANDOM.nextInt(0x780));
                case 2 -> (char) (0x800 + RANDOM.nextInt(0xD000));
                case 3 -> new String(Character.toChars(0x10000 + RANDOM.nextInt(0xFFFFF)));
                case 4 -> (char) (0xD800 + RANDOM.nextInt(0x800));
                default -> (char) ('a' + RANDOM.nextInt(26));
            });
        }
        return text.toString();
    }
}
